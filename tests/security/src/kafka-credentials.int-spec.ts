import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { KAFKA_SERVICES, TOPICS } from '@leadgate/contracts';
import type { KafkaSasl } from '@leadgate/service-kit';
import {
  AppName,
  GatewayClient,
  MONGO_URL,
  REPO_ROOT,
  RunningService,
  runPidDir,
  setUpAccount,
  startService,
  uniqueRunId,
  waitFor,
} from '@leadgate/testing';
import { Kafka, KafkaConfig, logLevel } from 'kafkajs';

/**
 * ADR 022, proven against a broker that requires what production requires: SCRAM over TLS with
 * client certificates (tools/infra/scram-broker.mjs, a second broker on other ports, ACLs on, no
 * grant means no access). The ACLs are the platform's own (libs/contracts SERVICE_KAFKA_ACCESS),
 * applied by the tool compose and k8s run; then all six services run through them, each as its own
 * principal with its credentials from files, and a token made at identity works at the gateway.
 * Wrong or missing credentials are refused by the broker; a principal is refused a topic it does not
 * own and another service's consumer group.
 */
interface ScramBroker {
  brokers: string;
  pid: number;
  dir: string;
  logFile: string;
  caFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  users: Record<string, string>;
}

const run = promisify(execFile);
const BROKER_TOOL = path.join(REPO_ROOT, 'tools/infra/scram-broker.mjs');
const ACL_TOOL = path.join(REPO_ROOT, 'dist/libs/kafka/src/acls/kafka-acls.main.js');
/** The services besides the gateway, which starts once it knows their URLs. */
const UPSTREAMS: AppName[] = ['identity', 'campaigns', 'leads', 'docs', 'webhooks'];

describe('Kafka credentials (SCRAM over mutual TLS, ACLs)', () => {
  const runId = uniqueRunId();
  const dir = path.join(REPO_ROOT, 'tmp', `scram-broker-${runId}`);
  let broker: ScramBroker;
  const services: Partial<Record<AppName, RunningService>> = {};
  let owner: GatewayClient;
  const aclRuns: string[] = [];
  let pidFile = '';
  const clients: { disconnect(): Promise<void> }[] = [];

  const passwordOf = (user: string) => readFileSync(broker.users[user], 'utf8').trim();
  const tls = () => ({
    ca: readFileSync(broker.caFile, 'utf8'),
    cert: readFileSync(broker.clientCertFile, 'utf8'),
    key: readFileSync(broker.clientKeyFile, 'utf8'),
  });
  /** A test client; no retries, so a refusal is the broker's answer and not a timeout. */
  const kafka = (overrides: Partial<KafkaConfig>) =>
    new Kafka({
      clientId: `scram-test-${runId}`,
      brokers: [broker.brokers],
      connectionTimeout: 5000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
      ssl: tls(),
      ...overrides,
    });
  const asUser = (user: string, mechanism: KafkaSasl['mechanism'] = 'scram-sha-512') => {
    const sasl: KafkaSasl = { mechanism, username: user, password: passwordOf(user) };
    return kafka({ sasl });
  };
  /** The service's settings (ADR 022), secrets as files the way a mounted Secret gives them. */
  const serviceEnv = (user: string, passwordFile: string): Record<string, string> => ({
    KAFKA_BROKERS: broker.brokers,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: user,
    KAFKA_SASL_PASSWORD_FILE: passwordFile,
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: broker.caFile,
    KAFKA_TLS_CERT_FILE: broker.clientCertFile,
    KAFKA_TLS_KEY_FILE: broker.clientKeyFile,
    MONGO_DATABASE: `${runId}_${user}`,
    // The suffix tests give groups: the PREFIXED group ACLs (`<service>.`) must still match.
    KAFKA_GROUP_SUFFIX: `.${runId}`,
  });
  /** The ACL tool as the admin principal, the way the compose one-shot and the k8s Job run it. */
  const applyAcls = async () => {
    const { stdout } = await run(process.execPath, [ACL_TOOL, 'apply'], {
      env: { PATH: process.env['PATH'] ?? '', ...serviceEnv('admin', broker.users['admin']) },
      timeout: 30_000,
    });
    aclRuns.push(stdout);
    return stdout;
  };

  beforeAll(async () => {
    const { stdout } = await run(
      process.execPath,
      [BROKER_TOOL, 'up', '--dir', dir, ...KAFKA_SERVICES.flatMap((service) => ['--user', service])],
      { env: process.env, timeout: 100_000 },
    );
    broker = JSON.parse(stdout) as ScramBroker;
    // If this file dies before its teardown, the run's global teardown still kills the broker.
    pidFile = path.join(runPidDir(), String(broker.pid));
    mkdirSync(path.dirname(pidFile), { recursive: true });
    writeFileSync(pidFile, 'scram-broker');

    await applyAcls();

    // MONGO_URL_FILE wins over MONGO_URL: the inline URL here goes nowhere, so readiness (which
    // pings the database) proves the file was used.
    const mongoUrlFile = path.join(dir, 'mongo-url');
    writeFileSync(mongoUrlFile, `${MONGO_URL}\n`, { mode: 0o600 });
    await Promise.all(
      UPSTREAMS.map(async (app) => {
        services[app] = await startService(app, {
          env: {
            ...serviceEnv(app, broker.users[app]),
            MONGO_URL: 'mongodb://127.0.0.1:1/',
            MONGO_URL_FILE: mongoUrlFile,
          },
          timeoutMs: 90_000,
        });
      }),
    );
    services.gateway = await startService('gateway', {
      env: {
        ...serviceEnv('gateway', broker.users['gateway']),
        ...Object.fromEntries(UPSTREAMS.map((app) => [`${app.toUpperCase()}_URL`, services[app]!.url])),
        AUTH_FAILURE_LIMIT_PER_MINUTE: '1000000',
      },
      timeoutMs: 60_000,
    });
    // A token made at identity (identity.tokens.v1, identity's principal) that the gateway accepts.
    owner = (
      await setUpAccount(`Kafka ACLs ${runId}`, {
        identityUrl: services.identity!.url,
        gatewayUrls: [services.gateway.url],
      })
    ).admin;
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(clients.map((client) => client.disconnect()));
    await Promise.all(Object.values(services).map((service) => service?.stop()));
    if (broker) {
      await run(process.execPath, [BROKER_TOOL, 'down', '--dir', dir], { env: process.env, timeout: 30_000 });
      rmSync(pidFile, { force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('the ACL tool granted the ACLs of the source and is idempotent: a second run creates nothing', async () => {
    expect(aclRuns[0]).toMatch(/^kafka-acls: [1-9]\d* created, 0 already present$/m);
    const created = Number(/(\d+) created/.exec(aclRuns[0])![1]);
    expect(await applyAcls()).toMatch(new RegExp(`^kafka-acls: 0 created, ${created} already present$`, 'm'));
    expect(aclRuns.join('')).not.toMatch(/not in the source/);
  });

  it("every service gets ready as its own principal; a token from identity is accepted at the gateway; what campaigns publishes arrives and reaches identity's audit log", async () => {
    // Ready means: topics ensured, producer connected, read models caught up and consumer groups
    // joined (identity's token usage, webhooks' dispatch), each through its own ACLs.
    expect(Object.keys(services).sort()).toEqual([...KAFKA_SERVICES].sort());
    expect((await owner('GET', '/v1/me')).status).toBe(200);

    const consumer = asUser('admin').consumer({ groupId: `scram-test-${runId}`, maxWaitTimeInMs: 100 });
    clients.push(consumer);
    const seen = new Set<string>();
    await consumer.connect();
    // A broker of this test alone, with a handful of records: reading from the beginning is cheap.
    await consumer.subscribe({ topic: TOPICS.campaignSchemas, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.add(message.key?.toString() ?? '') });

    // Through the gateway: campaigns checks the token against its copy of identity.tokens.v1.
    const created = await owner('POST', '/v1/admin/campaigns', { name: 'Over SCRAM' });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    await waitFor(`campaign ${id} on ${TOPICS.campaignSchemas}`, async () => seen.has(id), 20_000);
    // campaigns → platform.audit.v1 → identity's consumer group → the account's audit log.
    await waitFor(
      'the campaign in the audit log',
      async () => {
        const page = await owner('GET', '/v1/admin/audit');
        return page.status === 200 && JSON.stringify(page.body['data']).includes(id);
      },
      20_000,
    );
    // The passwords were read from their files and never written to a log.
    for (const service of Object.values(services)) {
      const log = readFileSync(service.logFile, 'utf8');
      for (const user of KAFKA_SERVICES) expect(log).not.toContain(passwordOf(user));
    }
  });

  it('the broker refuses a wrong password, an unknown user, no credentials and no client certificate; a client without the CA does not trust it', async () => {
    const refusal = async (client: Kafka) => {
      const admin = client.admin();
      clients.push(admin);
      const started = Date.now();
      const error = await admin
        .connect()
        .then(() => admin.listTopics())
        .then(
          () => null,
          (reason: unknown) => reason as Error,
        );
      return { error, ms: Date.now() - started };
    };
    const wrong = await refusal(
      kafka({ sasl: { mechanism: 'scram-sha-512', username: 'campaigns', password: 'not-it' } }),
    );
    expect(wrong.error?.name).toBe('KafkaJSSASLAuthenticationError');
    expect(wrong.error?.message).toMatch(/invalid credentials/i);

    const unknownUser = await refusal(
      kafka({ sasl: { mechanism: 'scram-sha-256', username: 'nobody', password: 'x' } }),
    );
    expect(unknownUser.error?.name).toBe('KafkaJSSASLAuthenticationError');

    // TLS alone is not enough: the broker closes a connection that skips the SASL handshake.
    const anonymous = await refusal(kafka({}));
    expect(anonymous.error?.name).toBe('KafkaJSConnectionClosedError');
    expect(readFileSync(broker.logFile, 'utf8')).toMatch(/Unexpected Kafka request of type \w+ during SASL handshake/);

    const noCertificate = await refusal(
      kafka({
        ssl: { ca: tls().ca },
        sasl: { mechanism: 'scram-sha-512', username: 'campaigns', password: passwordOf('campaigns') },
      }),
    );
    // Mutual TLS: the handshake fails before SCRAM is even tried.
    expect(noCertificate.error?.message).toMatch(/bad certificate|certificate required/);

    // Without the private CA the client does not trust the broker: TLS is verified, not just on.
    const untrusted = await refusal(
      kafka({
        ssl: true,
        sasl: { mechanism: 'scram-sha-512', username: 'campaigns', password: passwordOf('campaigns') },
      }),
    );
    expect(untrusted.error?.message).toMatch(/unable to verify the first certificate/);

    for (const { error, ms } of [wrong, unknownUser, anonymous, noCertificate, untrusted]) {
      // The broker's answer, well inside the connection timeout: not a timeout taken for a refusal.
      expect(ms).toBeLessThan(5000);
      expect(error?.message).not.toMatch(/timeout/i);
    }

    // The right credentials over SCRAM-SHA-256 are accepted (both mechanisms are configured).
    const admin = asUser('identity', 'scram-sha-256').admin();
    clients.push(admin);
    await admin.connect();
    expect(await admin.listTopics()).toContain(TOPICS.identityTokens);
  });

  it('ACLs: identity.tokens.v1 takes writes from the identity principal only; a topic is written by its writers only', async () => {
    const refusalOf = async (user: string, topic: string) => {
      const producer = asUser(user).producer();
      clients.push(producer);
      await producer.connect();
      return producer.send({ topic, messages: [{ key: `acl_${runId}`, value: null }] }).then(
        () => null,
        (error: unknown) => (error as { type?: string }).type ?? String(error),
      );
    };
    for (const intruder of KAFKA_SERVICES.filter((service) => service !== 'identity')) {
      expect([intruder, await refusalOf(intruder, TOPICS.identityTokens)]).toEqual([
        intruder,
        'TOPIC_AUTHORIZATION_FAILED',
      ]);
    }
    expect(await refusalOf('gateway', TOPICS.leadEvents)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await refusalOf('campaigns', TOPICS.identityAccounts)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await refusalOf('identity', TOPICS.identityTokens)).toBeNull();
    expect(await refusalOf('leads', TOPICS.leadEvents)).toBeNull();
  });

  it("ACLs: a principal may not join another service's consumer group, nor read a topic it does not read", async () => {
    /**
     * What the broker answers a consumer of `user` in `groupId`: 'fetched', or the error types it
     * gave. kafkajs reports a refused FindCoordinator as "coordinator not found" and logs the
     * broker's own error at debug level only, so the log is where the refusal is read.
     */
    const consumerOutcome = async (user: string, groupId: string, topic: string) => {
      const refusals: string[] = [];
      const client = kafka({
        sasl: { mechanism: 'scram-sha-512', username: user, password: passwordOf(user) },
        logLevel: logLevel.DEBUG,
        logCreator:
          () =>
          ({ log }) => {
            const type = (log['error'] as { type?: unknown } | undefined)?.type;
            if (typeof type === 'string') refusals.push(type);
          },
      });
      const consumer = client.consumer({ groupId, maxWaitTimeInMs: 100, retry: { retries: 0 } });
      clients.push(consumer);
      const ended = new Promise<string>((resolve) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          // The crash's own error and its causes (a refused fetch arrives wrapped).
          for (let error: unknown = payload.error; error; error = (error as { cause?: unknown }).cause) {
            const type = (error as { type?: unknown }).type;
            refusals.push(typeof type === 'string' ? type : String((error as Error).name));
          }
          resolve('crashed');
        });
        consumer.on(consumer.events.FETCH, () => resolve('fetched'));
      });
      const failed = consumer
        .connect()
        .then(() => consumer.subscribe({ topic, fromBeginning: false }))
        .then(() => consumer.run({ eachMessage: async () => undefined }))
        .then(
          () => new Promise<string>(() => undefined),
          () => 'failed',
        );
      const outcome = await Promise.race([ended, failed]);
      await consumer.disconnect();
      return outcome === 'fetched' ? ['fetched'] : [...new Set(refusals)];
    };
    // identity's token-usage consumer group, as the gateway (which writes that topic, not reads it).
    expect(await consumerOutcome('gateway', `identity.token-usage.${runId}`, TOPICS.identityTokens)).toContain(
      'GROUP_AUTHORIZATION_FAILED',
    );
    // webhooks' dispatch group, as leads (which writes the lead events webhooks dispatch).
    expect(await consumerOutcome('leads', `webhooks.dispatch.${runId}`, TOPICS.leadEvents)).toContain(
      'GROUP_AUTHORIZATION_FAILED',
    );
    // Its own group prefix, on a topic it does not read: the topic is refused.
    expect(await consumerOutcome('leads', `leads.acl-test.${runId}`, TOPICS.identityAccounts)).toContain(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    // Its own group prefix, on a topic it reads: fetches (so the refusals above are the ACLs' doing).
    expect(await consumerOutcome('gateway', `gateway.acl-test.${runId}`, TOPICS.identityTokens)).toEqual(['fetched']);
  });

  it('a service with a wrong password stops at boot without logging it; a mechanism without a username stops it before it connects', async () => {
    const wrongPassword = `wrong-${runId}`;
    const wrongFile = path.join(dir, 'wrong-password');
    writeFileSync(wrongFile, wrongPassword, { mode: 0o600 });
    const refusedLog = path.join(dir, 'campaigns-wrong-password.log');
    await expect(
      startService('campaigns', { env: serviceEnv('campaigns', wrongFile), logFile: refusedLog, timeoutMs: 40_000 }),
    ).rejects.toThrow(/exited/);
    const refused = readFileSync(refusedLog, 'utf8');
    expect(refused).toMatch(/SASL SCRAM SHA512 authentication failed/);
    expect(refused).not.toContain(wrongPassword);

    const unnamedLog = path.join(dir, 'campaigns-no-username.log');
    const env = { ...serviceEnv('campaigns', wrongFile), KAFKA_SASL_USERNAME: '' };
    await expect(startService('campaigns', { env, logFile: unnamedLog, waitFor: 'live' })).rejects.toThrow(/exited/);
    const unnamed = readFileSync(unnamedLog, 'utf8');
    expect(unnamed).toContain('KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM=scram-sha-512');
    expect(unnamed).not.toContain(wrongPassword);
  });
});
