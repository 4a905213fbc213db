import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { TOPICS } from '@leadgate/contracts';
import type { KafkaSasl } from '@leadgate/service-kit';
import {
  adminPrincipal,
  MONGO_URL,
  REPO_ROOT,
  RunningService,
  runPidDir,
  signedFetch,
  startService,
  uniqueRunId,
  waitFor,
} from '@leadgate/testing';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  KafkaConfig,
  logLevel,
  ResourcePatternTypes,
} from 'kafkajs';

/**
 * ADR 022, proven against a broker that requires what production requires: SCRAM over TLS with
 * client certificates (tools/infra/scram-broker.mjs, a second broker on other ports, ACLs on). A
 * real campaigns process connects with its credentials from files and publishes; wrong or missing
 * credentials are refused by the broker; the ACLs keep a non-identity principal off identity's topic.
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

describe('Kafka credentials (SCRAM over mutual TLS, ACLs)', () => {
  const runId = uniqueRunId();
  const dir = path.join(REPO_ROOT, 'tmp', `scram-broker-${runId}`);
  let broker: ScramBroker;
  let campaigns: RunningService | undefined;
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
    MONGO_DATABASE: `${runId}_campaigns`,
  });

  beforeAll(async () => {
    const { stdout } = await run(
      process.execPath,
      [BROKER_TOOL, 'up', '--dir', dir, '--user', 'campaigns', '--user', 'identity'],
      { env: process.env, timeout: 100_000 },
    );
    broker = JSON.parse(stdout) as ScramBroker;
    // If this file dies before its teardown, the run's global teardown still kills the broker.
    pidFile = path.join(runPidDir(), String(broker.pid));
    mkdirSync(path.dirname(pidFile), { recursive: true });
    writeFileSync(pidFile, 'scram-broker');

    // Least privilege, as an operator would grant it: campaigns reads every topic and creates the
    // platform's topics at boot, but writes only its own, the audit and api-docs topics and dead
    // letters; identity writes identity's topics. Nothing grants campaigns identity.tokens.v1.
    const admin = asUser('admin').admin();
    await admin.connect();
    const allow = (
      principal: string,
      resourceType: AclResourceTypes,
      resourceName: string,
      operations: AclOperationTypes[],
      resourcePatternType = ResourcePatternTypes.LITERAL,
    ) =>
      operations.map((operation) => ({
        principal: `User:${principal}`,
        host: '*',
        resourceType,
        resourceName,
        resourcePatternType,
        operation,
        permissionType: AclPermissionTypes.ALLOW,
      }));
    const { TOPIC, GROUP } = AclResourceTypes;
    const { READ, WRITE, DESCRIBE, CREATE } = AclOperationTypes;
    await admin.createAcls({
      acl: [
        ...allow('campaigns', TOPIC, '*', [READ, DESCRIBE, CREATE]),
        ...allow('campaigns', TOPIC, 'campaigns.', [WRITE], ResourcePatternTypes.PREFIXED),
        ...allow('campaigns', TOPIC, TOPICS.audit, [WRITE]),
        ...allow('campaigns', TOPIC, TOPICS.platformApiDocs, [WRITE]),
        ...allow('campaigns', TOPIC, TOPICS.deadLetter, [WRITE]),
        ...allow('campaigns', GROUP, '*', [READ, DESCRIBE]),
        ...allow('identity', TOPIC, 'identity.', [WRITE, DESCRIBE], ResourcePatternTypes.PREFIXED),
      ],
    });
    await admin.disconnect();

    // MONGO_URL_FILE wins over MONGO_URL: the inline URL here goes nowhere, so readiness (which
    // pings the database) proves the file was used.
    const mongoUrlFile = path.join(dir, 'mongo-url');
    writeFileSync(mongoUrlFile, `${MONGO_URL}\n`, { mode: 0o600 });
    campaigns = await startService('campaigns', {
      env: {
        ...serviceEnv('campaigns', broker.users['campaigns']),
        MONGO_URL: 'mongodb://127.0.0.1:1/',
        MONGO_URL_FILE: mongoUrlFile,
      },
      timeoutMs: 60_000,
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(clients.map((client) => client.disconnect()));
    await campaigns?.stop();
    if (broker) {
      await run(process.execPath, [BROKER_TOOL, 'down', '--dir', dir], { env: process.env, timeout: 30_000 });
      rmSync(pidFile, { force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('a service with its credentials in files gets ready through SCRAM and mutual TLS, and what it publishes arrives', async () => {
    const consumer = asUser('admin').consumer({ groupId: `scram-test-${runId}`, maxWaitTimeInMs: 100 });
    clients.push(consumer);
    const seen = new Set<string>();
    await consumer.connect();
    // A broker of this test alone, with a handful of records: reading from the beginning is cheap.
    await consumer.subscribe({ topic: TOPICS.campaignSchemas, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.add(message.key?.toString() ?? '') });

    const created = await signedFetch(campaigns!.url, 'POST', '/v1/admin/campaigns', adminPrincipal(`acc_${runId}`), {
      name: 'Over SCRAM',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await waitFor(`campaign ${id} on ${TOPICS.campaignSchemas}`, async () => seen.has(id), 20_000);
    // The password was read from its file and never written to the log.
    expect(readFileSync(campaigns!.logFile, 'utf8')).not.toContain(passwordOf('campaigns'));
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

  it('ACLs: identity.tokens.v1 takes writes from the identity principal only', async () => {
    const tombstone = { topic: TOPICS.identityTokens, messages: [{ key: `tok_scram_${runId}`, value: null }] };
    const intruder = asUser('campaigns').producer();
    clients.push(intruder);
    await intruder.connect();
    const refused = await intruder.send(tombstone).then(
      () => null,
      (error: unknown) => error as Error & { type?: string },
    );
    expect(refused?.type).toBe('TOPIC_AUTHORIZATION_FAILED');

    const identity = asUser('identity').producer();
    clients.push(identity);
    await identity.connect();
    const [written] = await identity.send(tombstone);
    expect(written?.errorCode).toBe(0);
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
