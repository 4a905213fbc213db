import { rmSync } from 'node:fs';
import path from 'node:path';
import {
  bootstrapAdmin,
  expectStatus,
  GatewayClient,
  gatewayClient,
  partnerCampaign,
  Platform,
  startPlatform,
} from '@leadgate/testing';
import type { PartnerWalk } from '../client/partner-walk-report';
import { CLIENT_DIR, compileClientAgainst } from './compile-client';

type Schema = { required?: string[]; properties: Record<string, Schema> };
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
  components: { schemas: Record<string, Schema> };
};

/** 256 bytes, every value once: text decoding anywhere on the way would change them. */
const FILE_BYTES = Uint8Array.from({ length: 256 }, (_, index) => index);

/**
 * Three changes to the document that break a partner's client: the cursor renamed, the download
 * without a body (typed `never`, as it once was), and a field newly required on create.
 */
function breakingChanges(document: Doc): Doc {
  const broken = structuredClone(document);
  const list = broken.components.schemas['LeadList'];
  list.properties['cursor'] = list.properties['next_cursor'];
  delete list.properties['next_cursor'];
  list.required = list.required?.map((key) => (key === 'next_cursor' ? 'cursor' : key));
  const download = Object.entries(broken.paths).find(([key]) => key.endsWith('/files/{fileId}'))![1];
  delete download['get'].responses['200'].content;
  broken.components.schemas['LeadCreate'].properties['fields'].required?.push('phone');
  return broken;
}

/**
 * Issue 18's typed SDK path: a partner's CI generates TypeScript types from its token's OpenAPI
 * document (openapi-typescript, tools/sdk/partner-types.mjs), compiles its client against them,
 * and the client works against the live API: create, list to the end by cursor, upload, download.
 */
describe('typed SDK: a client compiled against the per-token OpenAPI document', () => {
  let platform: Platform;
  let admin: GatewayClient;
  let partner: GatewayClient;
  let campaignId: string;
  let token: string;
  let document: Doc;
  const dirs: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    ({ admin } = await bootstrapAdmin(platform, 'Typed SDK'));
    const world = await partnerCampaign(admin, {
      gatewayUrls: [platform.gateway.url],
      campaign: { name: 'Typed SDK', required: ['email'] },
    });
    ({ campaignId, partner } = world);
    token = world.partnerToken.token;
    const docsPath = new URL(world.partnerToken.docs_url).pathname;
    const served = await gatewayClient(platform.gateway.url)('GET', `${docsPath}/openapi.json`);
    document = expectStatus(served, 200, 'per-token OpenAPI') as unknown as Doc;
  });

  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await platform?.stop();
  });

  it('compiles the committed client strictly against types generated from the live document', () => {
    const { dir, generated, types, compiled } = compileClientAgainst(document);
    dirs.push(dir);
    expect(generated).toMatchObject({ status: 0, stderr: '' });
    // Binary bodies are bytes: the download answers a Blob, the upload's `file` part is one.
    expect(types).toContain('"application/octet-stream": Blob;');
    expect(types).toMatch(/"multipart\/form-data": \{\s+file: Blob;/);
    expect(compiled.stdout).toBe('');
    expect(compiled.status).toBe(0);
  }, 300000);

  it('fails to compile when the document changes under the client', () => {
    const { dir, generated, compiled } = compileClientAgainst(breakingChanges(document));
    dirs.push(dir);
    expect(generated.status).toBe(0);
    expect(compiled.status).not.toBe(0);
    const errors = compiled.stdout.split('\n').filter((line) => / error TS\d+:/.test(line));
    const about = (file: string, text: string) => errors.some((line) => line.startsWith(file) && line.includes(text));
    expect({
      cursor: about('partner-client.ts', "'next_cursor'"),
      download: about('partner-client.ts', "not assignable to type 'never'"),
      required: about('partner-walk.ts', "'phone'"),
    }).toEqual({ cursor: true, download: true, required: true });
  }, 300000);

  it('creates leads, lists them to the end by cursor, uploads and downloads a file, through the live gateway', async () => {
    // The same source the first test compiled; jest strips its types (they were checked there).
    const { PARTNER_WALK } = (await import(path.join(CLIENT_DIR, 'partner-walk.ts'))) as { PARTNER_WALK: PartnerWalk };
    const report = await PARTNER_WALK({
      baseUrl: platform.gateway.url,
      token,
      campaignId,
      leads: 5,
      pageSize: 2,
      file: { name: 'bytes.bin', type: 'application/octet-stream', bytes: FILE_BYTES },
      runId: `typed-${Date.now()}`,
    });
    const createdIds = report.created.map((lead) => lead.id);
    expect(new Set(createdIds).size).toBe(5);
    expect(report.created.every((lead) => lead.version === 1)).toBe(true);
    // Oldest first, every lead once, a page never over the limit, and several pages to follow.
    expect(report.pages.flat()).toEqual(createdIds);
    expect(report.pages.length).toBeGreaterThanOrEqual(3);
    expect(report.pages.every((page) => page.length <= 2)).toBe(true);
    for (const lead of report.created) {
      const stored = expectStatus(await admin('GET', `/v1/campaigns/${campaignId}/leads/${lead.id}`), 200, 'lead');
      expect((stored['fields'] as Record<string, unknown>)['name']).toBe(lead.name);
    }
    expect(report.stored).toMatchObject({ filename: 'bytes.bin', size: 256 });
    expect(Buffer.from(report.downloaded.bytes).equals(Buffer.from(FILE_BYTES))).toBe(true);
    expect(report.downloaded.contentType).toMatch(/^application\/octet-stream/);
    const files = expectStatus(
      await partner('GET', `/v1/campaigns/${campaignId}/leads/${createdIds[0]}/files`),
      200,
      'files',
    );
    expect((files['data'] as { id: string }[]).map((file) => file.id)).toEqual([report.stored.id]);
  }, 120000);
});
