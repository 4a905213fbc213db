import { Parser } from '@asyncapi/parser';
import SwaggerParser from '@apidevtools/swagger-parser';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  bootstrapAdmin,
  campaignCreateBody,
  gatewayClient,
  PARTNER_CONDITION,
  Platform,
  REPO_ROOT,
  startPlatform,
  waitFor,
} from '@leadgate/testing';

type Client = ReturnType<typeof gatewayClient>;
type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, { properties: Record<string, { properties: Record<string, unknown> }> }> };
};
type TokenName = 'read' | 'write' | 'account' | 'access';

/** The field access of the `access` token (API.md §13): phone hidden, e-mail and website masked, notes read-only. */
const FIELD_ACCESS = { hidden: ['phone'], masked: ['email', 'website'], read_only: ['notes'] };

/** Redocly CLI lint of a document (the pinned devDependency); its stdout goes to a file, never cut short. */
function redoclyLint(document: unknown): { status: number | null; stderr: string; problems: { severity: string }[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'token-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const outFile = path.join(dir, 'lint.out');
    const out = openSync(outFile, 'w');
    const result = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules', '@redocly/cli/bin/cli.js'), 'lint', file, '--format=json'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', out, 'pipe'],
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    closeSync(out);
    const { problems } = JSON.parse(readFileSync(outFile, 'utf8')) as { problems: { severity: string }[] };
    return { status: result.status, stderr: result.stderr, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Per-token documentation through the gateway (API.md §7): specs that a real validator accepts,
 * that differ exactly as the tokens' scopes differ, whose examples the real API accepts, and that
 * die with the token.
 */
describe('per-token docs', () => {
  let platform: Platform;
  let admin: Client;
  let anonymous: Client;
  let campaignId: string;
  const docsPath: Record<TokenName, string> = { read: '', write: '', account: '', access: '' };
  const tokens: Record<TokenName, { id: string; token: string }> = {
    read: { id: '', token: '' },
    write: { id: '', token: '' },
    account: { id: '', token: '' },
    access: { id: '', token: '' },
  };

  const fetchDoc = async (path: string) => {
    const answer = await waitFor(`docs at ${path}`, async () => {
      const response = await anonymous('GET', path);
      return response.status === 200 ? response : undefined;
    });
    return answer.body as unknown as Doc;
  };

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    const account = await bootstrapAdmin(platform, 'Docs test');
    admin = account.admin;
    anonymous = gatewayClient(platform.gateway.url);
    const campaign = await admin(
      'POST',
      '/v1/admin/campaigns',
      campaignCreateBody({
        name: 'Heat pumps <DK>',
        required: ['email'],
        fields: ['name', 'email', 'phone', 'website', 'notes', 'rooms', 'visit_on', 'consent'],
        selects: ['select_partner', 'heating'],
        statuses: ['new', 'won'],
      }),
    );
    expect(campaign.status).toBe(201);
    campaignId = String(campaign.body['id']);
    const filter = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, {
      name: 'Partner ABC - API access',
      condition: PARTNER_CONDITION,
    });
    expect(filter.status).toBe(201);
    const made = await Promise.all([
      admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
        name: 'Partner ABC (read)',
        permissions: ['read'],
        filter_id: filter.body['id'],
      }),
      admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
        name: 'Partner ABC (write)',
        permissions: ['read', 'write'],
        filter_id: filter.body['id'],
      }),
      admin('POST', '/v1/admin/tokens', { name: 'CRM sync', preset: 'crm_sync' }),
      admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
        name: 'Partner ABC (field access)',
        permissions: ['read', 'write'],
        filter_id: filter.body['id'],
        field_access: FIELD_ACCESS,
      }),
    ]);
    (['read', 'write', 'account', 'access'] as const).forEach((name, index) => {
      const body = made[index].body;
      expect(made[index].status).toBe(201);
      tokens[name] = { id: String(body['id']), token: String(body['token']) };
      // docs_url names the public gateway (127.0.0.1:8080); the test gateway listens elsewhere.
      docsPath[name] = new URL(String(body['docs_url'])).pathname;
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('serves OpenAPI 3.1 documents that a real validator accepts', async () => {
    for (const name of ['read', 'write', 'account', 'access'] as const) {
      const doc = await fetchDoc(`${docsPath[name]}/openapi.json`);
      await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    }
  });

  it('documents no writes for the read-only token, and its pinned select as const', async () => {
    const doc = await fetchDoc(`${docsPath.read}/openapi.json`);
    const methods = Object.values(doc.paths).flatMap((item) => Object.keys(item));
    expect(methods).not.toContain('post');
    expect(methods).not.toContain('patch');
    expect(Object.keys(doc.paths)).toContain(`/v1/campaigns/${campaignId}/leads`);
    const lead = doc.components.schemas['Lead'];
    expect(lead.properties['select_field_values'].properties['select_partner']).toMatchObject({
      const: 'SELECT_PARTNER',
    });
    const page = await anonymous('GET', docsPath.read);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = page.body as unknown as string;
    expect(html).toContain('SELECT_PARTNER');
    expect(html).toContain('filled in automatically');
    expect(html).not.toContain('VENDOR_NORTH');
    expect(html).not.toMatch(/>\s*POST\s*</);
    expect(html).toContain('Heat pumps &lt;DK&gt;');
    expect(html).not.toContain('<script');
  });

  it('documents a create example that the real API accepts, for the filtered and the account token', async () => {
    for (const name of ['write', 'account', 'access'] as const) {
      const doc = await fetchDoc(`${docsPath[name]}/openapi.json`);
      const create = doc.paths[`/v1/campaigns/${campaignId}/leads`]['post'] as {
        requestBody: { content: Record<string, { example: unknown }> };
      };
      const example = create.requestBody.content['application/json'].example;
      const client = gatewayClient(platform.gateway.url, tokens[name].token);
      const created = await client('POST', `/v1/campaigns/${campaignId}/leads`, example);
      expect({ name, status: created.status, body: created.body }).toMatchObject({ name, status: 201 });
      if (name === 'write')
        expect(created.body).toMatchObject({ select_field_values: { select_partner: 'SELECT_PARTNER' } });
      const batchOp = doc.paths[`/v1/campaigns/${campaignId}/leads/batch`]['post'] as typeof create;
      const batch = await client(
        'POST',
        `/v1/campaigns/${campaignId}/leads/batch`,
        batchOp.requestBody.content['application/json'].example,
      );
      expect(batch.status).toBe(200);
      expect(batch.body).toMatchObject({ created: 1, failed: 0 });
    }
  });

  it('documents the field access of a token: hidden nowhere, masked marked, read-only out of the writes (API.md §13)', async () => {
    const doc = await fetchDoc(`${docsPath.access}/openapi.json`);
    const texts: Record<string, string> = {};
    for (const document of ['', '/openapi.json', '/openapi.yaml', '/postman.json']) {
      const response = await fetch(`${platform.gateway.url}${docsPath.access}${document}`);
      expect(response.status).toBe(200);
      texts[document || 'page'] = await response.text();
    }
    // The hidden field, by key and by label, in none of the token's documents.
    for (const [name, text] of Object.entries(texts)) {
      expect({ name, hidden: /phone/i.test(text) }).toEqual({ name, hidden: false });
    }
    const read = doc.components.schemas['Lead'].properties['fields'].properties;
    expect(read['email']).toMatchObject({
      'x-leadgate-access': 'masked',
      description: expect.stringMatching(/^Masked/),
    });
    expect(read['email']).not.toHaveProperty('format');
    expect(read['website']).toMatchObject({ 'x-leadgate-access': 'masked' });
    expect(read['notes']).toMatchObject({ readOnly: true, 'x-leadgate-access': 'read_only' });
    for (const write of ['LeadCreate', 'LeadUpdate']) {
      const fields = doc.components.schemas[write].properties['fields'].properties;
      expect(Object.keys(fields)).toEqual(expect.arrayContaining(['name', 'email', 'website']));
      expect(fields).not.toHaveProperty('notes');
    }
    const get = doc.paths[`/v1/campaigns/${campaignId}/leads/{leadId}`]['get'] as {
      responses: Record<string, { content: Record<string, { example: { fields: Record<string, unknown> } }> }>;
    };
    expect(get.responses['200'].content['application/json'].example.fields).toMatchObject({
      email: 'j***@example.com',
      website: 'h***',
    });
    const postman = JSON.parse(texts['/postman.json']) as {
      item: { item: { request: { body?: { raw?: string } } }[] }[];
    };
    const bodies = postman.item.flatMap((folder) => folder.item.flatMap((item) => item.request.body?.raw ?? []));
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain('"notes"');
    expect(texts['page']).toContain('<span class="badge masked">Masked</span>');
    expect(texts['page']).toContain('<span class="badge read-only">Read-only</span>');
    const lint = redoclyLint(doc);
    expect({ status: lint.status, stderr: lint.status === 0 ? '' : lint.stderr }).toEqual({ status: 0, stderr: '' });
    expect(lint.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('serves YAML, Postman and AsyncAPI beside it, and 404 for an unknown key', async () => {
    const yaml = await anonymous('GET', `${docsPath.write}/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.body as unknown as string).toContain('openapi: 3.1.0');
    const postman = await anonymous('GET', `${docsPath.write}/postman.json`);
    expect(postman.body).toMatchObject({
      info: { schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: { type: 'bearer' },
    });
    const asyncapi = await anonymous('GET', '/docs/events/asyncapi.json');
    expect(asyncapi.body).toMatchObject({
      asyncapi: '3.0.0',
      channels: { leadEvents: { address: 'leads.events.v1' } },
      info: { description: expect.stringContaining('Internal events carry full lead data') },
    });
    const unknown = await anonymous('GET', '/docs/p/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('documents what a token’s webhooks receive: OpenAPI webhooks, a per-token AsyncAPI, the page (API.md §12)', async () => {
    const made = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner ABC (webhooks)',
      permissions: ['read', 'webhooks'],
      field_access: { hidden: ['phone'], masked: ['email'], read_only: [] },
    });
    expect(made.status).toBe(201);
    const docs = new URL(String(made.body['docs_url'])).pathname;
    const doc = (await fetchDoc(`${docs}/openapi.json`)) as Doc & { webhooks: Record<string, unknown> };
    expect(Object.keys(doc.webhooks)).toEqual(['lead.created', 'lead.updated', 'lead.status_changed']);
    expect(Object.keys(doc.paths['/v1/webhooks']).sort()).toEqual(['get', 'post']);
    expect(doc.paths[`/v1/campaigns/${campaignId}/leads`]).not.toHaveProperty('post');
    const lint = redoclyLint(doc);
    expect({ status: lint.status, stderr: lint.status === 0 ? '' : lint.stderr }).toEqual({ status: 0, stderr: '' });
    expect(lint.problems.filter((problem) => problem.severity === 'error')).toEqual([]);

    const asyncapi = await fetch(`${platform.gateway.url}${docs}/asyncapi.json`);
    expect(asyncapi.status).toBe(200);
    const asyncText = await asyncapi.text();
    expect(asyncText).not.toMatch(/phone/i);
    const { diagnostics } = await new Parser().parse(asyncText);
    expect(diagnostics.filter((d) => Number(d.severity) === 0).map((d) => d.message)).toEqual([]);
    const page = await (await fetch(`${platform.gateway.url}${docs}`)).text();
    expect(page).toContain('<h2 id="webhooks">Webhooks</h2>');
    expect(page).not.toMatch(/phone/i);

    // A token that reads no leads receives nothing: no webhooks in its OpenAPI, no AsyncAPI of its own.
    const account = await admin('POST', '/v1/admin/tokens', { name: 'Schema reader', scopes: ['campaigns:read'] });
    expect(account.status).toBe(201);
    const accountDocs = new URL(String(account.body['docs_url'])).pathname;
    expect(await fetchDoc(`${accountDocs}/openapi.json`)).not.toHaveProperty('webhooks');
    expect((await anonymous('GET', `${accountDocs}/asyncapi.json`)).status).toBe(404);
  });

  it('shows a schema change on the next request, without a restart', async () => {
    const added = await admin('POST', `/v1/admin/campaigns/${campaignId}/fields`, {
      key: 'roof_type',
      label: 'Roof type',
      type: 'text',
    });
    expect(added.status).toBe(201);
    await waitFor(
      'the new field in the docs',
      async () => {
        const doc = (await anonymous('GET', `${docsPath.write}/openapi.json`)).body as unknown as Doc;
        return doc.components.schemas['LeadCreate'].properties['fields'].properties['roof_type'] ? true : undefined;
      },
      5000,
    );
  });

  it('answers 404 within a second once the token is revoked', async () => {
    expect((await anonymous('GET', docsPath.write)).status).toBe(200);
    const revoked = await admin('POST', `/v1/admin/tokens/${tokens.write.id}/revoke`);
    expect(revoked.status).toBe(200);
    await waitFor(
      'docs of a revoked token to die',
      async () => ((await anonymous('GET', docsPath.write)).status === 404 ? true : undefined),
      1000,
    );
    expect((await anonymous('GET', `${docsPath.write}/openapi.json`)).status).toBe(404);
    expect((await anonymous('GET', docsPath.read)).status).toBe(200);
  });
});
