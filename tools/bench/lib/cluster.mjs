// @ts-check
// A bench platform: real service processes from dist/ on free ports, any number of replicas per
// service, databases unique to the run, on the infrastructure of `tools/infra` (Kafka + FerretDB).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureIndexes, infraEnv, up, vacuumStore } from '../../infra/infra.mjs';
import { loadHarness } from '../../lib/built.mjs';
import { generateKeyPair, keyEnv } from '../../lib/principal-keys.mjs';

// The service starter and free ports of the test harness (libs/testing).
const { freePort: harnessFreePort, startService } = await loadHarness();

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** @typedef {import('../../../libs/testing/src/service-process.js').AppName} AppName */
/** @typedef {import('../../../libs/testing/src/service-process.js').RunningService} RunningService */
/**
 * One replica a bench started: libs/testing's running service, plus what the footprint suite reads.
 * @typedef {RunningService & {
 *   pid: number | undefined; alive: boolean; readyMs: number | null; rss: () => number | null;
 * }} BenchService
 */
/**
 * The platform of startPlatform(): every replica, and the settings a drill restarts one with.
 * @typedef {{
 *   identity: BenchService; campaigns: BenchService; docs: BenchService | null;
 *   webhooks: BenchService | null; leads: BenchService[]; gateways: BenchService[];
 *   upstreams: Record<string, string>; leadsEnv: Record<string, string>; startToReadyMs: number;
 * }} BenchPlatform
 */
/**
 * @typedef {{
 *   gateways?: number; leads?: number; docs?: boolean; webhooks?: boolean;
 *   gatewayEnv?: Record<string, string>; leadsEnv?: Record<string, string>; webhooksEnv?: Record<string, string>;
 *   spareLeadsPorts?: number[];
 * }} PlatformOptions
 */
/** @typedef {{ env?: Record<string, string>; port?: number; nodeArgs?: string[]; waitReady?: boolean }} StartOptions */

/**
 * Every service started, or none left running: when one fails, the others are awaited and stopped
 * (with Promise.all they would finish starting after the run had given up, and outlive it).
 * @param {(Promise<BenchService> | null)[]} starting
 * @returns {Promise<any[]>} in the order given (null where nothing was started)
 */
async function allOrNone(starting) {
  const results = await Promise.allSettled(starting);
  const failed = results.find((result) => result.status === 'rejected');
  if (!failed) return results.map((result) => (result.status === 'fulfilled' ? result.value : null));
  await Promise.all(
    results.map((result) => (result.status === 'fulfilled' && result.value ? result.value.stop() : null)),
  );
  throw failed.reason;
}

/** @type {(ms: number) => Promise<void>} */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const freePort = harnessFreePort;

/**
 * Resident set size of a process in MiB, from /proc (Linux).
 * @param {number | undefined} pid
 * @returns {number | null}
 */
export function rssMiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The infrastructure's addresses; BENCH_MONGO_URL points the services and the references at another
 * MongoDB-protocol server instead (a MongoDB to compare with, or a FerretDB of one's own on the
 * same PostgreSQL when the shared one is being restarted by others).
 */
function benchInfraEnv() {
  const env = infraEnv();
  return process.env.BENCH_MONGO_URL ? { ...env, MONGO_URL: process.env.BENCH_MONGO_URL } : env;
}

export class Cluster {
  /**
   * @param {string} name
   * @param {{ profile?: boolean }} options profile: every service writes a V8 CPU profile on exit
   */
  constructor(name = 'bench', { profile = false } = {}) {
    this.runId = `${name}_${Date.now().toString(36)}`.toLowerCase();
    this.profileDir = profile ? path.join(root, '.infra', 'bench', 'profiles', this.runId) : null;
    // Keys of this run only: the gateway's signs forwarded calls, the operator's the bootstrap, and
    // the webhooks service seals subscription secrets with the last (ADR 020).
    this.keys = {
      gateway: generateKeyPair(),
      operator: generateKeyPair(),
      webhookSecretKeys: { file: '', value: `run:${randomBytes(32).toString('base64')}` },
    };
    this.logDir = path.join(root, '.infra', 'bench', 'logs', this.runId);
    /** @type {BenchService[]} */
    this.services = [];
    /** @type {Partial<Record<AppName, number>>} Replicas started so far per app: numbers them in INSTANCE_ID and the log file names. */
    this.replicas = {};
    this.infra = benchInfraEnv();
    /** @type {BenchPlatform | undefined} */
    this.started = undefined;
  }

  /** The platform startPlatform() started (there is none to read before). */
  get platform() {
    if (!this.started) throw new Error('the bench platform is not started yet (Cluster.startPlatform)');
    return this.started;
  }

  /** Brings Kafka and FerretDB up (a no-op when `npm run infra:up` already did). */
  async infraUp() {
    await up({ log: () => {} });
    this.infra = benchInfraEnv();
  }

  /**
   * The GIN indexes FerretDB's pushed-down equality uses (tools/infra), on this run's collections:
   * run after the services made their collections and after seeding (FerretDB creates tables lazily).
   */
  async ensureStoreIndexes() {
    return ensureIndexes({ prefix: this.runId, log: () => {} });
  }

  /**
   * The run's tables as autovacuum leaves them seconds after a load (row counts, GIN pending lists
   * merged): leads seeded straight into the database are measured in that state, not while
   * autovacuum works on them (`npm run bench:outside` measures right after a load through the API).
   */
  async settleStore() {
    return vacuumStore({ prefix: this.runId });
  }

  /** @param {AppName} app */
  database(app) {
    return `${this.runId}_${app}`.slice(0, 41);
  }

  /** @param {AppName} app */
  baseEnv(app) {
    return {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...this.infra,
      ...keyEnv(app, this.keys),
      MONGO_DATABASE: this.database(app),
    };
  }

  /**
   * Starts one replica (libs/testing's service starter) and waits for readiness. `nodeArgs` lets a
   * run profile a service (`--cpu-prof`); `env` overrides the defaults.
   * @param {AppName} app
   * @param {StartOptions} options
   * @returns {Promise<BenchService>}
   */
  async start(app, { env = {}, port, nodeArgs = [], waitReady = true } = {}) {
    port ??= await freePort();
    const index = (this.replicas[app] = (this.replicas[app] ?? 0) + 1) - 1;
    const started = Date.now();
    const profiling = this.profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${this.profileDir}`, `--cpu-prof-name=${app}-${index}-${port}.cpuprofile`]
      : [];
    const running = await startService(app, {
      baseEnv: this.baseEnv(app),
      env: { INSTANCE_ID: `${app}-${index}-${port}`, ...env, PORT: String(port) },
      nodeArgs: [...profiling, ...nodeArgs],
      logFile: path.join(this.logDir, `${app}-${index}-${port}.log`),
      // Not the tests' processes: their global teardown must never kill a bench's.
      pidDir: null,
      waitFor: waitReady ? 'ready' : 'nothing',
      timeoutMs: 120000,
    });
    /** @type {BenchService} */
    const service = {
      ...running,
      pid: running.process.pid,
      alive: true,
      readyMs: waitReady ? Date.now() - started : null,
      rss: () => rssMiB(running.process.pid),
    };
    void running.exited.then(() => (service.alive = false));
    this.services.push(service);
    return service;
  }

  /**
   * The platform: identity, campaigns, `leads` replicas of leads, docs, webhooks (when asked for; it
   * delivers to loopback receivers, so private targets are allowed) and `gateways` gateways that
   * route to every leads replica (plus `spareLeadsPorts`, where a drill may add a replica later), all
   * started at once as an operator would. Rate limits are lifted so load measures work, not 429s.
   * @param {PlatformOptions} options
   * @returns {Promise<BenchPlatform>}
   */
  async startPlatform({
    gateways = 1,
    leads = 1,
    docs = true,
    webhooks = false,
    gatewayEnv = {},
    leadsEnv = {},
    webhooksEnv = {},
    spareLeadsPorts = [],
  } = {}) {
    const started = Date.now();
    const ports = {
      identity: await freePort(),
      campaigns: await freePort(),
      docs: await freePort(),
      webhooks: await freePort(),
    };
    const leadsPorts = [];
    for (let index = 0; index < leads; index++) leadsPorts.push(await freePort());
    const url = (/** @type {number} */ port) => `http://127.0.0.1:${port}`;
    const upstreams = {
      IDENTITY_URL: url(ports.identity),
      CAMPAIGNS_URL: url(ports.campaigns),
      LEADS_URL: [...leadsPorts, ...spareLeadsPorts].map(url).join(','),
      DOCS_URL: docs ? url(ports.docs) : 'http://127.0.0.1:9',
      // Without webhooks its routes go nowhere, never to a platform `npm start` left running.
      WEBHOOKS_URL: webhooks ? url(ports.webhooks) : 'http://127.0.0.1:9',
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_FAILURE_LIMIT_PER_MINUTE: '100000000',
      ...gatewayEnv,
    };
    const webhooksService = webhooks
      ? this.start('webhooks', { port: ports.webhooks, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', ...webhooksEnv } })
      : null;
    const [identity, campaigns, docsService, webhooksStarted, ...rest] = await allOrNone([
      this.start('identity', { port: ports.identity }),
      this.start('campaigns', { port: ports.campaigns }),
      docs ? this.start('docs', { port: ports.docs }) : null,
      webhooksService,
      ...leadsPorts.map((port) => this.start('leads', { env: leadsEnv, port })),
      ...Array.from({ length: gateways }, () => this.start('gateway', { env: upstreams })),
    ]);
    this.started = {
      identity,
      campaigns,
      docs: docsService,
      webhooks: webhooksStarted,
      leads: rest.slice(0, leads),
      gateways: rest.slice(leads),
      upstreams,
      leadsEnv,
      startToReadyMs: Date.now() - started,
    };
    return this.started;
  }

  /** Operator environment for tools/lib/operator.mjs (bootstrap signing) pointed at this cluster. */
  operatorEnv() {
    return {
      ...process.env,
      OPERATOR_SIGNING_KEY: this.keys.operator.private,
      LEADGATE_IDENTITY_URL: this.platform.identity.url,
    };
  }

  async stopAll() {
    await Promise.all(this.services.filter((service) => service.alive).map((service) => service.stop()));
  }

  /** Drops the run's databases (100k-lead campaigns are not left behind). */
  async dropDatabases() {
    const { MongoClient } = await import('mongodb');
    const client = await MongoClient.connect(this.infra.MONGO_URL);
    try {
      const { databases } = await client.db().admin().listDatabases();
      for (const { name } of databases) if (name.startsWith(this.runId)) await client.db(name).dropDatabase();
    } finally {
      await client.close();
    }
  }
}
