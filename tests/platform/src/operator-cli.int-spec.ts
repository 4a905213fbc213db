import {
  gatewayClient,
  Platform,
  startPlatform,
  TEST_GATEWAY_KEYS,
  TEST_OPERATOR_KEYS,
  waitFor,
} from '@leadgate/testing';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function pick(source: NodeJS.ProcessEnv, names: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(names.filter((name) => source[name] !== undefined).map((name) => [name, source[name]]));
}

/** `npm run leadgate -- <command>` against a running platform (here: the test platform's ports). */
describe('operator CLI', () => {
  let platform: Platform;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    platform = await startPlatform();
    env = {
      PATH: process.env['PATH'],
      // The infrastructure's own settings, when a run moved it to other ports or folders.
      ...pick(process.env, [
        'KAFKA_PORT',
        'KAFKA_CONTROLLER_PORT',
        'FERRETDB_PORT',
        'POSTGRES_PORT',
        'LEADGATE_INFRA_DIR',
        'LEADGATE_DB_BACKEND',
      ]),
      // The operator's own key: identity accepts a 'service' principal signed by it, and nothing else.
      OPERATOR_SIGNING_KEY: TEST_OPERATOR_KEYS.private,
      LEADGATE_GATEWAY_URL: platform.gateway.url,
      LEADGATE_IDENTITY_URL: platform.services.identity!.url,
      LEADGATE_CAMPAIGNS_URL: platform.services.campaigns!.url,
      // `status` reads versions and read-model lag from each management listener.
      LEADGATE_GATEWAY_MANAGEMENT_URL: platform.gateway.managementUrl,
      LEADGATE_IDENTITY_MANAGEMENT_URL: platform.services.identity!.managementUrl,
      LEADGATE_CAMPAIGNS_MANAGEMENT_URL: platform.services.campaigns!.managementUrl,
      LEADGATE_LEADS_MANAGEMENT_URL: 'http://127.0.0.1:9',
      LEADGATE_DOCS_MANAGEMENT_URL: 'http://127.0.0.1:9',
      LEADGATE_WEBHOOKS_MANAGEMENT_URL: 'http://127.0.0.1:9',
      // Not part of this platform: a closed port, whatever else runs on this machine.
      LEADGATE_LEADS_URL: 'http://127.0.0.1:9',
      LEADGATE_DOCS_URL: 'http://127.0.0.1:9',
      LEADGATE_WEBHOOKS_URL: 'http://127.0.0.1:9',
    };
  });

  afterAll(async () => {
    await platform.stop();
  });

  function cli(...args: string[]) {
    return spawnSync(process.execPath, [path.join(root, 'tools/cli/leadgate.mjs'), ...args], {
      env,
      encoding: 'utf8',
      timeout: 30000,
    });
  }

  it('bootstrap --json prints an account and an owner token that works at the gateway', async () => {
    const result = cli('bootstrap', '--account', 'CLI test', '--json');
    expect(result.status).toBe(0);
    const created = JSON.parse(result.stdout) as { account_id: string; admin_token: string };
    expect(created.account_id).toMatch(/^acct_/);
    expect(created.admin_token).toMatch(/^lgt_/);
    const me = await waitFor('owner token', async () => {
      const response = await gatewayClient(platform.gateway.url, created.admin_token)('GET', '/v1/me');
      return response.status === 200 ? response : undefined;
    });
    expect(me.body).toMatchObject({ account_id: created.account_id, scopes: ['admin'] });
  });

  it("bootstrap refuses the gateway's key, any other key and a missing name", () => {
    const someKey = generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64');
    for (const key of [TEST_GATEWAY_KEYS.private, someKey]) {
      const forged = spawnSync(
        process.execPath,
        [path.join(root, 'tools/cli/leadgate.mjs'), 'bootstrap', '--account', 'x'],
        { env: { ...env, OPERATOR_SIGNING_KEY: key }, encoding: 'utf8' },
      );
      expect(forged.status).toBe(1);
      expect(forged.stderr).toContain('401');
    }
    expect(cli('bootstrap').status).toBe(2);
  });

  it('status --json reports each service with its version and read-model lag', () => {
    const result = cli('status', '--json');
    const report = JSON.parse(result.stdout) as {
      infrastructure: { kafka: { state: string } };
      services: { name: string; state: string; version: string | null; read_models: Record<string, { lag: number }> }[];
    };
    expect(report.infrastructure.kafka.state).toBe('up');
    const byName = Object.fromEntries(report.services.map((service) => [service.name, service]));
    for (const name of ['gateway', 'identity', 'campaigns']) {
      expect(byName[name]).toMatchObject({ state: 'ready', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    }
    expect(byName['gateway']?.read_models['identity.tokens.v1']?.lag).toBe(0);
    // leads, docs and webhooks are not part of this test platform, and say so.
    expect(byName['leads']?.state).toBe('down');
    expect(byName['webhooks']?.state).toBe('down');
    expect(result.status).toBe(1);
  });
});
