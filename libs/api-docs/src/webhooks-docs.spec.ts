import { Parser } from '@asyncapi/parser';
import { campaignDocs, PARTNER_FILTER, READ, tokenInput, WRITE } from './testing/fixtures';
import { renderDocsPage } from './html';
import { buildOpenApi } from './openapi';
import { buildTokenAsyncApi } from './webhooks-asyncapi';
import { WEBHOOK_EVENT_TYPES } from '@leadgate/contracts';

const WEBHOOKS = ['webhooks:read', 'webhooks:write'];
const withAccess = () => {
  const campaign = campaignDocs(PARTNER_FILTER);
  return tokenInput(
    [...READ, ...WEBHOOKS],
    [{ ...campaign, fieldAccess: { hidden: ['phone'], masked: ['email'], read_only: [] } }],
  );
};

describe('webhooks in the per-token OpenAPI', () => {
  it('documents what a token that reads leads receives, one webhook per event type, signed and unauthenticated', () => {
    const doc = buildOpenApi(tokenInput(READ));
    expect(Object.keys(doc.webhooks ?? {})).toEqual(WEBHOOK_EVENT_TYPES);
    const created = doc.webhooks?.['lead.created']['post'] as {
      security: unknown[];
      parameters: { name: string }[];
      requestBody: { content: Record<string, { schema: { properties: { data: { properties: { lead: unknown } } } } }> };
      responses: Record<string, unknown>;
    };
    expect(created.security).toEqual([]);
    expect(created.parameters.map((parameter) => parameter.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    const data = created.requestBody.content['application/json'].schema.properties.data;
    expect(data.properties.lead).toEqual({ $ref: '#/components/schemas/Lead' });
    expect(Object.keys(created.responses)).toEqual(['200', '410', 'default']);
  });

  it('has no webhooks for a token that reads no leads, and subscription routes only by webhooks scope', () => {
    expect(buildOpenApi(tokenInput(['campaigns:read'])).webhooks).toBeUndefined();
    expect(Object.keys(buildOpenApi(tokenInput(WRITE)).paths).some((path) => path.startsWith('/v1/webhooks'))).toBe(
      false,
    );
    const reader = buildOpenApi(tokenInput([...READ, 'webhooks:read'])).paths;
    expect(Object.keys(reader['/v1/webhooks'])).toEqual(['get']);
    expect(reader['/v1/webhooks/{webhookId}/rotate-secret']).toBeUndefined();
    const manager = buildOpenApi(tokenInput([...READ, ...WEBHOOKS])).paths;
    expect(Object.keys(manager['/v1/webhooks']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(manager['/v1/webhooks/{webhookId}']).sort()).toEqual(['delete', 'get', 'patch']);
  });

  it('pushes the lead as the token reads it: a hidden field nowhere, a masked one marked', () => {
    const doc = buildOpenApi(withAccess());
    const text = JSON.stringify(doc.webhooks);
    expect(text).not.toContain('phone');
    expect(JSON.stringify(doc.components.schemas['Lead'])).toContain('masked');
  });
});

describe('the per-token AsyncAPI of its webhooks', () => {
  it('is null for a token that reads no leads', () => {
    expect(buildTokenAsyncApi(tokenInput(['campaigns:read']))).toBeNull();
  });

  it('is AsyncAPI 3 that @asyncapi/parser accepts, with a message per event type and no hidden field', async () => {
    const doc = buildTokenAsyncApi(withAccess());
    expect(doc).not.toBeNull();
    expect(Object.values(doc?.components.messages ?? {}).map((message) => message.name)).toEqual(WEBHOOK_EVENT_TYPES);
    expect(JSON.stringify(doc)).not.toContain('phone');
    const { diagnostics } = await new Parser().parse(JSON.stringify(doc));
    expect(
      diagnostics.filter((diagnostic) => Number(diagnostic.severity) === 0).map((diagnostic) => diagnostic.message),
    ).toEqual([]);
  }, 30000);
});

describe('the page’s webhooks section', () => {
  it('shows events, headers, the delivery rules and both ways to verify, and how to subscribe by scope', () => {
    const page = renderDocsPage(withAccess(), '/docs/p/key');
    expect(page).toContain('<h2 id="webhooks">Webhooks</h2>');
    for (const text of ['lead.status_changed', 'webhook-signature', '410 Gone', 'standardwebhooks', 'timingSafeEqual'])
      expect(page).toContain(text);
    expect(page).toContain('/docs/p/key/asyncapi.json');
    expect(page).toContain('POST /v1/webhooks/{id}/test');
    const reader = renderDocsPage(tokenInput(READ), '/docs/p/key');
    expect(reader).toContain('An account admin subscribes endpoints for this token');
    expect(renderDocsPage(tokenInput(['campaigns:read']), '/docs/p/key')).not.toContain('id="webhooks"');
  });
});
