import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  bootstrapAdmin,
  expectStatus,
  gatewayClient,
  partnerCampaign,
  Platform,
  REPO_ROOT,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { conformanceTools, runSchemathesis, SchemathesisRun, summary } from './schemathesis';

type Doc = { paths: Record<string, Record<string, unknown>> };

/** Cases per operation and phase: enough to reach both sides of validation, small enough for CI. */
const MAX_EXAMPLES = Number(process.env['SCHEMATHESIS_MAX_EXAMPLES'] ?? 15);

/** What a failing run shows: the report's failures and errors, and where the CLI's account of each is. */
function findings({ report, dir }: SchemathesisRun) {
  return {
    complete: report.complete,
    failures: report.failures,
    errors: report.errors,
    exitCode: report.exit_code,
    details: report.exit_code === 0 ? '' : `${dir}/output.txt`,
  };
}
const CLEAN = { complete: true, failures: [], errors: [], exitCode: 0, details: '' };

const operationsOf = (doc: Doc) => Object.values(doc.paths).flatMap((item) => Object.keys(item)).length;

/**
 * Issue 18's conformance step: schemathesis (a tool nobody on the project wrote) runs its default
 * checks and phases against a per-token OpenAPI and the admin OpenAPI as the platform serves them,
 * through the gateway, and finds nothing the documents and the server disagree on. Where a check
 * cannot apply to an operation as written, tools/conformance/schemathesis.toml says so and why.
 */
describe('conformance: schemathesis against the served OpenAPI documents', () => {
  let platform: Platform;
  let schemathesis: string;
  /** A real list cursor: an opaque value only the API gives out (schemathesis.toml). */
  let cursor: string;

  beforeAll(async () => {
    schemathesis = conformanceTools();
    platform = await startPlatform({
      apps: ['identity', 'campaigns', 'leads', 'docs'],
      env: {
        // The fuzzer's volume is no partner's: at the default budget most cases would be 429s and
        // test nothing else. 429 and its headers have tests of their own (apps/gateway/test).
        gateway: { RATE_LIMIT_PER_MINUTE: '1000000', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000' },
        // The fuzzer names campaigns, filters and fields that never come: each would be waited for
        // the whole read-your-writes time (3 s) before its 422. Its own writes arrive in far less.
        identity: { READ_YOUR_WRITES_WAIT_MS: '300' },
      },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('finds no failure in a read+write partner token’s OpenAPI', async () => {
    const { admin } = await bootstrapAdmin(platform, 'Conformance partner');
    const { campaignId, partnerToken, partner } = await partnerCampaign(admin, {
      gatewayUrls: [platform.gateway.url],
      tokenName: 'rw',
    });
    for (const name of ['First', 'Second']) {
      expectStatus(await partner('POST', `/v1/campaigns/${campaignId}/leads`, { fields: { name } }), 201, 'lead');
    }
    const page = expectStatus(await partner('GET', `/v1/campaigns/${campaignId}/leads?limit=1`), 200, 'first page');
    cursor = String(page['next_cursor']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const docsPath = new URL(partnerToken.docs_url).pathname;
    const doc = expectStatus(
      await gatewayClient(platform.gateway.url)('GET', `${docsPath}/openapi.json`),
      200,
      'per-token OpenAPI',
    ) as unknown as Doc;
    const run = await runSchemathesis(schemathesis, {
      label: 'per-token',
      document: doc,
      baseUrl: platform.gateway.url,
      token: partnerToken.token,
      maxExamples: MAX_EXAMPLES,
      env: { CONFORMANCE_CURSOR: cursor },
    });
    process.stdout.write(`${summary('per-token', run)}\n`);
    expect(findings(run)).toEqual(CLEAN);
    // Every operation was reached, with real cases: a run that tested nothing proves nothing.
    expect(run.report.operations).toMatchObject({ selected: operationsOf(doc), tested: operationsOf(doc) });
    expect(run.report.test_cases.generated).toBeGreaterThan(10 * operationsOf(doc));
  }, 600000);

  it('finds no failure in the admin OpenAPI', async () => {
    // An account of its own: whatever the fuzzer deletes, revokes or rotates stays inside it. Its
    // token has a rate limit of its own, so the account default it fuzzes never throttles it.
    const { admin } = await bootstrapAdmin(platform, 'Conformance admin');
    const made = expectStatus(
      await admin('POST', '/v1/admin/tokens', {
        name: 'conformance',
        scopes: ['admin'],
        rate_limit_per_minute: 1000000,
      }),
      201,
      'fuzzer token',
    );
    const token = String(made['token']);
    await waitFor('the fuzzer token at the gateway', async () =>
      (await gatewayClient(platform.gateway.url, token)('GET', '/v1/admin/scopes')).status === 200 ? true : undefined,
    );
    const doc = await adminDocument();
    const webhookOperations = Object.entries(doc.paths)
      .filter(([path]) => path.includes('webhooks'))
      .flatMap(([, item]) => Object.keys(item)).length;
    const run = await runSchemathesis(schemathesis, {
      label: 'admin',
      document: doc,
      baseUrl: platform.gateway.url,
      token,
      maxExamples: MAX_EXAMPLES,
      env: { CONFORMANCE_CURSOR: cursor ?? '' },
      args: [
        // Webhook subscriptions make the platform call the URLs they name, and a fuzzer's URLs are
        // addresses nothing here may call; the webhooks service is not started (its own tests
        // cover its API: apps/webhooks/test).
        '--exclude-path-regex=webhooks',
      ],
    });
    process.stdout.write(`${summary('admin', run)}\n`);
    expect(findings(run)).toEqual(CLEAN);
    const tested = operationsOf(doc) - webhookOperations;
    expect(run.report.operations).toMatchObject({ selected: tested, tested });
    expect(run.report.test_cases.generated).toBeGreaterThan(10 * tested);
  }, 900000);
});

/**
 * The admin OpenAPI of this build, merged as the docs service merges what the services publish
 * (tools/build/admin-openapi.mjs). Not the one served at /docs/admin/openapi.json: on a shared
 * broker, services of another checkout may have published theirs last.
 */
async function adminDocument(): Promise<Doc> {
  const { stdout } = await promisify(execFile)(process.execPath, ['tools/build/admin-openapi.mjs', '--print'], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Doc;
}
