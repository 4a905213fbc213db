import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  bootstrapAdmin,
  campaignCreateBody,
  expectStatus,
  gatewayClient,
  GatewayClient,
  partnerCampaign,
  Platform,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { NewmanReport, requestCount, runNewman } from './newman-run';

interface Collection {
  item: { name: string; item: unknown[] }[];
  variable: { key: string; value: string }[];
}

/** What the partner puts in the working directory for "Upload a file to a lead". */
const UPLOADED = 'Site survey: two rooms, roof facing south.\n';

/** A clean run: no failed assertion, no script or request error, every request that ran asserted. */
function expectClean(report: NewmanReport): void {
  expect(report.failures).toEqual([]);
  expect(report.requests.filter((request) => request.error !== null)).toEqual([]);
  expect(report.requests.filter((request) => request.assertions === 0)).toEqual([]);
  expect(report.assertions).toBeGreaterThan(0);
}

/**
 * Issue 18: the Postman collection of a token (API.md §7), fetched from the docs service as a
 * partner fetches it, passes `newman run` unedited against the real platform: the test gives
 * newman only what a partner would (base URL and token as environment values, the file to upload
 * in its working directory).
 */
describe('newman on a per-token Postman collection', () => {
  let platform: Platform;
  let admin: GatewayClient;
  let partner: GatewayClient;
  let campaignId: string;
  let filterId: string;
  let writeToken: { token: string; docs_url: string };
  let workingDir: string;

  /** The collection as a partner downloads it, once it has at least `folders` campaigns. */
  const collectionOf = (docsUrl: string, folders = 1) =>
    waitFor(`the Postman collection of ${docsUrl}`, async () => {
      // docs_url names the public gateway; the test gateway listens elsewhere.
      const response = await fetch(`${platform.gateway.url}${new URL(docsUrl).pathname}/postman.json`);
      const collection = response.status === 200 ? ((await response.json()) as Collection) : undefined;
      return collection && collection.item.length >= folders ? collection : undefined;
    });

  const run = (collection: Collection, token: string) =>
    runNewman(collection, { baseUrl: platform.gateway.url, token }, workingDir);

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    admin = (await bootstrapAdmin(platform, 'Newman test')).admin;
    const world = await partnerCampaign(admin, { gatewayUrls: [platform.gateway.url], tokenName: 'Partner ABC (rw)' });
    ({ campaignId, filterId, partner } = world);
    writeToken = world.partnerToken;
    workingDir = mkdtempSync(path.join(tmpdir(), 'newman-'));
    // A lead with a file already in the slice, so a read-only run has one to read.
    const lead = expectStatus(
      await partner('POST', `/v1/campaigns/${campaignId}/leads`, {
        fields: { name: 'Seed', email: 'seed@example.com' },
      }),
      201,
      'seed lead',
    );
    const form = new FormData();
    form.append('file', new Blob(['seed file\n'], { type: 'text/plain' }), 'seed.txt');
    const upload = await fetch(`${platform.gateway.url}/v1/campaigns/${campaignId}/leads/${String(lead['id'])}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${writeToken.token}` },
      body: form,
    });
    expect(upload.status).toBe(201);
  });

  afterAll(async () => {
    await platform?.stop();
    if (workingDir) rmSync(workingDir, { recursive: true, force: true });
  });

  it('runs the read+write collection unedited: every request asserted, 0 failures, its lead stored', async () => {
    const collection = await collectionOf(writeToken.docs_url);
    const filePath = collection.variable.find((variable) => variable.key === 'filePath')?.value;
    expect(filePath).toEqual(expect.any(String));
    writeFileSync(path.join(workingDir, String(filePath)), UPLOADED);

    const report = await run(collection, writeToken.token);

    expectClean(report);
    // Nothing skipped: every request of the collection ran.
    expect(report.requests).toHaveLength(requestCount(collection));
    expect(report.requests.map((request) => request.method)).toEqual(expect.arrayContaining(['POST', 'PATCH']));
    const created = report.executions.find((execution) => execution.item.name === 'Create a lead');
    const leadId = String((JSON.parse(String(created?.response?.stream)) as { id: string }).id);
    // The requests on one lead all used the lead the run created (leadId captured, not typed in).
    const onOneLead = report.requests.filter((request) => request.url.includes(`/leads/${leadId}`));
    expect(onOneLead.map((request) => request.name)).toEqual([
      'Get a lead',
      'Update a lead',
      'Upload a file to a lead',
      'List the files of a lead',
      'Download a file',
    ]);
    expect((await partner('GET', `/v1/campaigns/${campaignId}/leads/${leadId}`)).status).toBe(200);
    const files = (await partner('GET', `/v1/campaigns/${campaignId}/leads/${leadId}/files`)).body.data as {
      id: string;
    }[];
    expect(files).toHaveLength(1);
    const download = await partner('GET', `/v1/campaigns/${campaignId}/leads/${leadId}/files/${files[0].id}`);
    expect(download.body as unknown).toBe(UPLOADED);
  });

  it('runs a read-only collection unedited: reads only, every request asserted, 0 failures', async () => {
    const made = expectStatus(
      await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
        name: 'Partner ABC (read)',
        permissions: ['read'],
        filter_id: filterId,
      }),
      201,
      'read-only token',
    );
    const reader = gatewayClient(platform.gateway.url, String(made['token']));
    await waitFor(
      'the read-only token at the gateway',
      async () => (await reader('GET', `/v1/campaigns/${campaignId}/leads?limit=1`)).status === 200 || undefined,
    );
    const collection = await collectionOf(String(made['docs_url']));

    const report = await run(collection, String(made['token']));

    expectClean(report);
    expect(report.requests).toHaveLength(requestCount(collection));
    expect(new Set(report.requests.map((request) => request.method))).toEqual(new Set(['GET']));
    expect(report.requests.map((request) => request.name)).toEqual([
      'Get the campaign schema',
      'List leads',
      'Get a lead',
      'List the files of a lead',
      'Download a file',
    ]);
  });

  it('skips the requests on one lead, and fails nothing, where the token reaches no lead yet', async () => {
    const empty = await partnerCampaign(admin, {
      gatewayUrls: [platform.gateway.url],
      tokenName: 'Partner ABC (read, empty)',
      permissions: ['read'],
    });
    const collection = await collectionOf(empty.partnerToken.docs_url);

    const report = await run(collection, empty.partnerToken.token);

    expectClean(report);
    expect(report.requests.map((request) => request.name)).toEqual(['Get the campaign schema', 'List leads']);
    const skipped = report.console.flatMap((line) => /Skipped "([^"]+)": leadId/.exec(line)?.[1] ?? []);
    expect(skipped).toEqual(['Get a lead', 'List the files of a lead', 'Download a file']);
  });

  it('runs clean for a token with field access and for an account token over two campaigns', async () => {
    // Masked answers must match the documented lead schema too (API.md §13); the account token's
    // folders pass leadId on from one campaign to the next without mixing them up.
    expectStatus(
      await admin('POST', '/v1/admin/campaigns', campaignCreateBody({ name: 'Solar DK' })),
      201,
      'second campaign',
    );
    const tokens = {
      'field access': expectStatus(
        await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
          name: 'Partner ABC (field access)',
          permissions: ['read', 'write'],
          filter_id: filterId,
          field_access: { hidden: ['phone'], masked: ['email', 'website'], read_only: ['notes'] },
        }),
        201,
        'field access token',
      ),
      account: expectStatus(
        await admin('POST', '/v1/admin/tokens', { name: 'CRM sync', preset: 'crm_sync' }),
        201,
        'account token',
      ),
    };
    for (const [name, made] of Object.entries(tokens)) {
      const client = gatewayClient(platform.gateway.url, String(made['token']));
      await waitFor(
        `the ${name} token at the gateway`,
        async () => (await client('GET', `/v1/campaigns/${campaignId}/leads?limit=1`)).status === 200 || undefined,
      );
      const folders = name === 'account' ? 2 : 1;
      const collection = await collectionOf(String(made['docs_url']), folders);

      const report = await run(collection, String(made['token']));

      expectClean(report);
      expect({ name, ran: report.requests.length }).toEqual({ name, ran: requestCount(collection) });
    }
  });
});
