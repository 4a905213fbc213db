import SwaggerParser from '@apidevtools/swagger-parser';
import { gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { tags?: string[]; summary?: string; security?: unknown[]; responses: Record<string, unknown> }>
  >;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

/**
 * The admin API docs (API.md §7): each service publishes the OpenAPI document `@nestjs/swagger`
 * builds from its code; the docs service merges them and serves them through the gateway.
 */
describe('admin API docs', () => {
  let platform: Platform;
  let anonymous: ReturnType<typeof gatewayClient>;
  let doc: Doc;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    anonymous = gatewayClient(platform.gateway.url);
    const answer = await waitFor('admin docs of identity, campaigns and leads', async () => {
      const response = await anonymous('GET', '/docs/admin/openapi.json');
      if (response.status !== 200) return undefined;
      const paths = Object.keys((response.body as unknown as Doc).paths);
      const complete = ['/v1/admin/tokens', '/v1/admin/campaigns/{campaignId}/filters', '/v1/admin/quarantine'].every(
        (path) => paths.includes(path),
      );
      return complete ? response : undefined;
    });
    doc = answer.body as unknown as Doc;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('serves one merged OpenAPI document that a real validator accepts', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    expect(doc.paths['/v1/admin/tokens']).toHaveProperty('post');
    expect(doc.paths['/v1/admin/tokens']).toHaveProperty('get');
    expect(doc.paths['/v1/admin/campaigns/{campaignId}/filters']).toHaveProperty('post');
    expect(doc.paths['/v1/admin/quarantine']).toHaveProperty('get');
    expect(doc.paths['/v1/admin/tokens']?.post?.responses).toHaveProperty('default');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    // The OAuth2 token endpoint authenticates the client, not a Bearer token.
    expect(doc.paths['/oauth/token']?.post?.security).toEqual([{ clientBasic: [] }]);
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('leaves out internal, health and metrics routes', () => {
    const paths = Object.keys(doc.paths);
    expect(paths.filter((path) => /^\/(internal|health|metrics)/.test(path))).toEqual([]);
    expect(paths.every((path) => path.startsWith('/v1/admin/') || path.startsWith('/oauth/'))).toBe(true);
  });

  it('serves an HTML page that lists the operations without JavaScript', async () => {
    const page = await anonymous('GET', '/docs/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = page.body as unknown as string;
    expect(html).not.toContain('<script');
    for (const path of ['/v1/admin/tokens', '/v1/admin/campaigns/{campaignId}/filters', '/v1/admin/quarantine']) {
      expect(html).toContain(`<code>${path}</code>`);
    }
    expect(html).toMatch(/<code>POST<\/code>/);
    expect(html).toContain('href="/docs/admin/openapi.json"');
  });

  it('answers 404 problem+json for an unknown document', async () => {
    const missing = await anonymous('GET', '/docs/admin/nope.json');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
