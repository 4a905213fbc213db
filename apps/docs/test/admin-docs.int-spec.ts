import SwaggerParser from '@apidevtools/swagger-parser';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

const REPO_ROOT = path.resolve(__dirname, '../../..');

const ACCESS_INSIGHT_PATHS = {
  preview: '/v1/admin/campaigns/{campaignId}/filters/preview',
  access: '/v1/admin/campaigns/{campaignId}/leads/{leadId}/access',
};

/**
 * A pinned devDependency's CLI, run with this Node from the repo root. Its stdout goes to a file:
 * a CLI that ends with process.exit may cut a piped stdout short, never a file.
 */
function runCli(script: string, args: string[], dir: string) {
  const outFile = path.join(dir, `${path.basename(script)}.out`);
  const out = openSync(outFile, 'w');
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  closeSync(out);
  return { status: result.status, stdout: readFileSync(outFile, 'utf8'), stderr: result.stderr };
}

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        tags?: string[];
        summary?: string;
        security?: unknown[];
        requestBody?: unknown;
        responses: Record<string, unknown>;
      }
    >
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
      const complete = [
        '/v1/admin/tokens',
        '/v1/admin/campaigns/{campaignId}/filters',
        '/v1/admin/quarantine',
        ACCESS_INSIGHT_PATHS.preview,
        ACCESS_INSIGHT_PATHS.access,
      ].every((path) => paths.includes(path));
      // Another run's older services may have published last; wait for this code's documents.
      const documented = (response.body as unknown as Doc).paths['/v1/admin/quarantine']?.get?.responses?.['200'];
      return complete && documented ? response : undefined;
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
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/admin/tokens']?.post?.responses).toHaveProperty('201');
    expect(doc.paths['/v1/admin/tokens']?.post?.responses).toHaveProperty('422');
    expect(doc.paths['/v1/admin/tokens']?.post?.responses).not.toHaveProperty('default');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'clientBasic', 'oauth2', 'session']);
    // The OAuth2 token endpoint authenticates the client (Basic, or in the form), not a Bearer token.
    expect(doc.paths['/oauth/token']?.post?.security).toEqual([{ clientBasic: [] }, {}]);
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('documents access insight (API.md §14) from the leads service', () => {
    const preview = doc.paths[ACCESS_INSIGHT_PATHS.preview]?.post;
    expect(preview).toMatchObject({ operationId: 'previewFilter', tags: ['campaigns'] });
    expect(Object.keys(preview?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '413',
      '422',
      '429',
    ]);
    expect(preview?.requestBody).toBeDefined();
    const access = doc.paths[ACCESS_INSIGHT_PATHS.access]?.get;
    expect(access).toMatchObject({ operationId: 'getLeadAccess' });
    expect(access?.responses).toHaveProperty('200');
    expect(access?.responses).toHaveProperty('404');
  });

  it('passes Redocly CLI lint with no errors and no operation without a 4xx answer', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'admin-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const lint = runCli('@redocly/cli/bin/cli.js', ['lint', file, '--format=json'], dir);
      // Exit 0 (no errors); stderr shown if it ever fails.
      expect({ status: lint.status, stderr: lint.status === 0 ? '' : lint.stderr }).toEqual({ status: 0, stderr: '' });
      const { problems } = JSON.parse(lint.stdout) as { problems: { ruleId: string; severity: string }[] };
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(problems.filter((problem) => problem.ruleId === 'operation-4xx-response')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('generates openapi-typescript types with a real type for every admin request body, which compile strictly', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'admin-openapi-ts-'));
    try {
      const file = path.join(dir, 'openapi.json');
      const types = path.join(dir, 'admin-api.d.ts');
      writeFileSync(file, JSON.stringify(doc));
      const generated = runCli('openapi-typescript/bin/cli.js', [file, '--output', types], dir);
      expect(generated.status).toBe(0);
      const source = readFileSync(types, 'utf8');
      // Every operation that documents a body has a real body type (before: `requestBody?: never` everywhere).
      const operations = source.slice(source.indexOf('export interface operations {'));
      const withBody = Object.values(doc.paths).flatMap((item) =>
        Object.values(item).filter((operation) => operation.requestBody !== undefined),
      );
      expect(withBody.length).toBeGreaterThanOrEqual(20);
      for (const { operationId } of withBody) {
        const start = operations.indexOf(`\n    ${operationId}: {\n`);
        expect(start).toBeGreaterThan(-1);
        const block = operations.slice(start, operations.indexOf('\n    };\n', start));
        expect({ operationId, typed: /\n {8}requestBody: \{\n {12}content: \{/.test(block) }).toEqual({
          operationId,
          typed: true,
        });
      }
      // The generated types are usable: a typed create-token body and a typed answer compile under --strict.
      writeFileSync(
        path.join(dir, 'use.ts'),
        [
          "import type { operations } from './admin-api';",
          "type Body = operations['createAccountToken']['requestBody'] extends { content: { 'application/json': infer B } } ? B : never;",
          "const body: Body = { name: 'CRM sync', preset: 'crm_sync' };",
          "type Created = operations['createAccountToken']['responses'][201]['content']['application/json'];",
          'export const token = (created: Created): string => created.token;',
          'export { body };',
        ].join('\n'),
      );
      const compiled = runCli(
        'typescript/bin/tsc',
        [
          '--strict',
          '--noEmit',
          '--target',
          'es2022',
          '--module',
          'esnext',
          '--moduleResolution',
          'bundler',
          path.join(dir, 'admin-api.d.ts'),
          path.join(dir, 'use.ts'),
        ],
        dir,
      );
      expect(compiled.stdout).toBe('');
      expect(compiled.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out internal, health and metrics routes', () => {
    const paths = Object.keys(doc.paths);
    expect(paths.filter((path) => /^\/(internal|health|metrics)/.test(path))).toEqual([]);
    expect(
      paths.filter(
        (path) => !/^\/(v1\/admin|v1\/auth|oauth)\//.test(path) && path !== '/.well-known/oauth-authorization-server',
      ),
    ).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['/v1/auth/login', '/v1/auth/logout', '/v1/admin/users/{id}']));
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
