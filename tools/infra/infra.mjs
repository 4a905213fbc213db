#!/usr/bin/env node
// @ts-check
// Embedded infrastructure for development, tests and CI: one Kafka broker (KRaft) and FerretDB
// (MongoDB wire protocol) on loopback, all state under <repo>/.infra, no Docker.
//
//   node tools/infra/infra.mjs up [--backend sqlite|postgresql] [--fresh]
//   node tools/infra/infra.mjs down | reset | status [--json] | env | logs [kafka|ferretdb|postgres] [-f]
//
// Importable without side effects: `import { up, down, status } from './tools/infra/infra.mjs'`.
// Why no npm dependencies: it must work before (and while) `npm install` runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KAFKA_VERSION, resolveConfig } from './lib/config.mjs';
import { ensureContainmentIndexes, preferCustomPlans, vacuumTables } from './lib/containment-indexes.mjs';
import {
  buildLauncher,
  ferretdbHealthy,
  ferretdbMeta,
  ferretdbModuleVersion,
  ferretdbPid,
  launcherIsStale,
  startFerretdb,
  stopFerretdb,
} from './lib/ferretdb.mjs';
import {
  installJars,
  jarsAreStale,
  kafkaHealthy,
  kafkaPid,
  kafkaVersion,
  resolveJars,
  startKafka,
  stopKafka,
} from './lib/kafka.mjs';
import { postgresHealthy, postgresPid, postgresVersion, startPostgres, stopPostgres } from './lib/postgres.mjs';
import { checkPrerequisites } from './lib/prereqs.mjs';
import { seconds, tailFile, tcpProbe, waitUntil, withLock } from './lib/proc.mjs';

export { resolveConfig } from './lib/config.mjs';

/** An error meant for the operator: printed without a stack trace, exit code 1. */
export class InfraError extends Error {}

const defaultLog = (line) => process.stderr.write(`[infra] ${line}\n`);
const DEFAULT_TIMEOUT_MS = 120_000;

/** The environment the services need, e.g. { KAFKA_BROKERS: '127.0.0.1:19092', MONGO_URL: 'mongodb://127.0.0.1:27027/' }. */
export function infraEnv(options = {}) {
  return { ...resolveConfig(options).urls };
}

/**
 * Start whatever is not already running and healthy; resolves with status() once both Kafka and
 * FerretDB answer real protocol requests, rejects with an InfraError (log tail included) otherwise.
 * @param {{ backend?: 'sqlite'|'postgresql', fresh?: boolean, timeoutMs?: number, infraDir?: string,
 *           ports?: object, log?: (line: string) => void }} [options]
 */
export async function up(options = {}) {
  const cfg = resolveConfig(options);
  const log = options.log ?? defaultLog;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const t0 = Date.now();
  return withLock(
    cfg.runDir,
    async () => {
      if (options.fresh) await wipe(cfg, log);

      const plan = {
        jarsStale: jarsAreStale(cfg),
        launcherStale: launcherIsStale(cfg),
        kafkaOk: false,
        ferretOk: false,
      };
      const kPid = kafkaPid(cfg, log);
      const fPid = ferretdbPid(cfg, log);
      const meta = ferretdbMeta(cfg);
      plan.kafkaOk = Boolean(kPid && !plan.jarsStale && (await kafkaHealthy(cfg)));
      plan.ferretOk = Boolean(
        fPid && !plan.launcherStale && sameFerretdbSetup(cfg, meta) && (await databaseHealthy(cfg)),
      );
      if (plan.kafkaOk && plan.ferretOk) {
        log(
          `already up (checked in ${seconds(t0)}): Kafka pid ${kPid} ${cfg.urls.KAFKA_BROKERS}, FerretDB pid ${fPid} ${cfg.urls.MONGO_URL} (${cfg.backend})`,
        );
        return status(options);
      }

      const problems = await checkPrerequisites({
        mvn: !plan.kafkaOk && plan.jarsStale,
        go: !plan.ferretOk && plan.launcherStale,
        postgres: !plan.ferretOk && cfg.backend === 'postgresql',
      });
      if (problems.length) {
        throw new InfraError(`missing prerequisites; please install:\n  - ${problems.join('\n  - ')}`);
      }

      // Kafka (JVM) and FerretDB (Go build) are independent; bring them up side by side.
      const results = await Promise.allSettled([
        plan.kafkaOk ? null : ensureKafka(cfg, { log, timeoutMs, pid: kPid, jarsStale: plan.jarsStale }),
        plan.ferretOk
          ? null
          : ensureFerretdb(cfg, { log, timeoutMs, pid: fPid, meta, launcherStale: plan.launcherStale }),
      ]);
      const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
      if (failures.length) {
        throw new InfraError(
          failures.map((e) => (e instanceof InfraError ? e.message : (e.stack ?? String(e)))).join('\n\n'),
        );
      }
      // The platform's own databases (npm start's, leadgate_*) kept from an earlier run get their
      // containment indexes now; new collections when the services or a bench made them (ensureIndexes).
      if (!plan.ferretOk && cfg.backend === 'postgresql')
        await ensureIndexes({ ...optionsOf(cfg), prefix: 'leadgate_', log });
      writeEnvFile(cfg);
      log(`infra up in ${seconds(t0)}`);
      return status(options);
    },
    { log },
  );
}

async function ensureKafka(cfg, { log, timeoutMs, pid, jarsStale }) {
  // Resolve new jars while an old broker (if any) keeps running; swap only once it has stopped.
  const resolved = jarsStale ? await resolveJars(cfg, log) : null;
  if (pid && !resolved && (await settles(() => kafkaHealthy(cfg)))) return; // it was just starting
  if (pid) {
    log(resolved ? 'Kafka jars changed; restarting Kafka' : `Kafka (pid ${pid}) is not answering; restarting it`);
    await stopKafka(cfg, log);
  }
  if (resolved) installJars(cfg, resolved, log);
  await assertPortsFree(cfg, [cfg.kafka.port, cfg.kafka.controllerPort], 'Kafka', 'KAFKA_PORT / KAFKA_CONTROLLER_PORT');
  try {
    await startKafka(cfg, { log, timeoutMs });
  } catch (err) {
    await stopKafka(cfg, () => {});
    throw new InfraError(`Kafka did not become ready: ${err.message}\n${logTail(cfg, cfg.kafka.logFile)}`);
  }
}

async function ensureFerretdb(cfg, { log, timeoutMs, pid, meta, launcherStale }) {
  if (launcherStale) await buildLauncher(cfg, log);
  const sameSetup = sameFerretdbSetup(cfg, meta);
  if (pid && !launcherStale && sameSetup && (await settles(() => databaseHealthy(cfg)))) return;
  if (pid) {
    const why = launcherStale
      ? 'launcher rebuilt'
      : !sameSetup
        ? `switching to the ${cfg.backend} backend`
        : 'not answering';
    log(`restarting FerretDB (pid ${pid}): ${why}`);
    await stopFerretdb(cfg, log);
  }
  if (cfg.backend === 'postgresql') {
    if (!postgresPid(cfg) || !(await postgresHealthy(cfg))) {
      if (!postgresPid(cfg)) await assertPortsFree(cfg, [cfg.postgres.port], 'PostgreSQL', 'POSTGRES_PORT');
      try {
        await startPostgres(cfg, { log, timeoutMs });
      } catch (err) {
        throw new InfraError(`PostgreSQL did not start: ${err.message}\n${logTail(cfg, cfg.postgres.logFile)}`);
      }
    }
  } else if (postgresPid(cfg)) {
    await stopPostgres(cfg, log); // left over from a postgresql-backed run; nothing uses it now
  }
  await assertPortsFree(cfg, [cfg.ferretdb.port], 'FerretDB', 'FERRETDB_PORT');
  try {
    await startFerretdb(cfg, { log, timeoutMs });
  } catch (err) {
    await stopFerretdb(cfg, () => {});
    throw new InfraError(`FerretDB did not become ready: ${err.message}\n${logTail(cfg, cfg.ferretdb.logFile)}`);
  }
}

const sameFerretdbSetup = (cfg, meta) => meta?.backend === cfg.backend && meta?.port === cfg.ferretdb.port;

/** FerretDB answers, and so does its PostgreSQL when it uses one. */
async function databaseHealthy(cfg) {
  return Boolean((await ferretdbHealthy(cfg)) && (cfg.backend !== 'postgresql' || (await postgresHealthy(cfg))));
}

/** A process that is alive but silent may just be mid-start (e.g. an interrupted `up`): give it a moment. */
const settles = (check) => waitUntil(check, { timeoutMs: 15_000, intervalMs: 500 }).then(Boolean, () => false);

async function assertPortsFree(cfg, ports, what, envName) {
  for (const port of ports) {
    if (await tcpProbe(cfg.host, port, 500)) {
      throw new InfraError(
        `${cfg.host}:${port} is already taken by a process that is not our ${what}; stop it or set ${envName}`,
      );
    }
  }
}

/** Paths inside the repo are shown relative to it; others (LEADGATE_INFRA_DIR elsewhere) in full. */
function display(cfg, path) {
  const rel = relative(cfg.root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function logTail(cfg, file) {
  return `--- last lines of ${display(cfg, file)} ---\n${tailFile(file, 40)}\n---`;
}

function writeEnvFile(cfg) {
  const lines = Object.entries(cfg.urls).map(([k, v]) => `${k}=${v}`);
  fs.writeFileSync(join(cfg.infraDir, 'infra.env'), `# written by tools/infra/infra.mjs up\n${lines.join('\n')}\n`);
}

/**
 * GIN indexes FerretDB's pushed-down equality can use, on every collection that exists now (see
 * lib/containment-indexes.mjs); `prefix` limits it to databases whose name starts with it. A
 * no-op on the sqlite backend. Idempotent: run it again whenever collections may have appeared.
 * @param {{ prefix?: string, log?: (line: string) => void, infraDir?: string, backend?: string, ports?: any }} [options]
 */
export async function ensureIndexes({ prefix = '', log = defaultLog, ...options } = {}) {
  const cfg = resolveConfig(options);
  if (cfg.backend !== 'postgresql') return { created: 0 };
  const started = Date.now();
  await preferCustomPlans(cfg);
  const result = await ensureContainmentIndexes(cfg, { prefix });
  if (result.created > 0) log(`${result.created} containment indexes created in ${seconds(started)}`);
  return result;
}

/**
 * VACUUM (ANALYZE) of the collections of databases whose name starts with `prefix` (see
 * lib/containment-indexes.mjs vacuumTables); a no-op on the sqlite backend.
 * @param {{ prefix?: string, infraDir?: string, backend?: string, ports?: any }} [options]
 */
export async function vacuumStore({ prefix = '', ...options } = {}) {
  const cfg = resolveConfig(options);
  if (cfg.backend === 'postgresql') await vacuumTables(cfg, { prefix });
}

/** Stop everything (SIGTERM, up to 20 s, then SIGKILL) and remove pid files. */
export async function down(options = {}) {
  const cfg = resolveConfig(options);
  const log = options.log ?? defaultLog;
  return withLock(
    cfg.runDir,
    async () => {
      // FerretDB first so PostgreSQL sees its clients leave; Kafka is independent.
      const [kafka, ferretdb] = await Promise.all([stopKafka(cfg, log), stopFerretdb(cfg, log)]);
      const postgres = await stopPostgres(cfg, log);
      fs.rmSync(join(cfg.infraDir, 'infra.env'), { force: true });
      if (!kafka && !ferretdb && !postgres) log('nothing was running');
      return { stopped: { kafka, ferretdb, postgres } };
    },
    { log },
  );
}

/** Stop everything and wipe the data (topics, databases); caches (jars, launcher) are kept. */
export async function reset(options = {}) {
  const cfg = resolveConfig(options);
  const log = options.log ?? defaultLog;
  return withLock(cfg.runDir, () => wipe(cfg, log), { log });
}

async function wipe(cfg, log) {
  await down({ ...optionsOf(cfg), log });
  for (const dir of [cfg.kafka.dataDir, cfg.ferretdb.dataDir, cfg.postgres.dir]) {
    if (fs.existsSync(dir)) {
      fs.rmSync(dir, { recursive: true, force: true });
      log(`wiped ${display(cfg, dir)}`);
    }
  }
}

const optionsOf = (cfg) => ({
  infraDir: cfg.infraDir,
  backend: cfg.backend,
  ports: {
    kafka: cfg.kafka.port,
    kafkaController: cfg.kafka.controllerPort,
    ferretdb: cfg.ferretdb.port,
    postgres: cfg.postgres.port,
  },
});

/**
 * One entry per component with state 'up' | 'down' | 'unhealthy' (running but not answering).
 * `ok` is true when Kafka and FerretDB (and PostgreSQL, if FerretDB uses it) are up.
 */
export async function status(options = {}) {
  const cfg = resolveConfig(options);
  const kPid = kafkaPid(cfg);
  const fPid = ferretdbPid(cfg);
  const pPid = postgresPid(cfg);
  const meta = fPid ? ferretdbMeta(cfg) : null;
  const backend = meta?.backend ?? cfg.backend;
  const [kOk, fOk, pOk] = await Promise.all([
    kPid ? kafkaHealthy(cfg) : false,
    fPid ? ferretdbHealthy(cfg) : null,
    pPid ? postgresHealthy(cfg) : false,
  ]);
  const state = (pid, ok) => (!pid ? 'down' : ok ? 'up' : 'unhealthy');
  const ferretPort = meta?.port ?? cfg.ferretdb.port;
  const result = {
    ok: false,
    backend,
    kafka: {
      state: state(kPid, kOk),
      pid: kPid,
      address: `${cfg.host}:${cfg.kafka.port}`,
      version: kafkaVersion(cfg) ?? KAFKA_VERSION,
      log: cfg.kafka.logFile,
    },
    ferretdb: {
      state: state(fPid, fOk),
      pid: fPid,
      address: `${cfg.host}:${ferretPort}`,
      version: ferretdbModuleVersion(cfg),
      backend,
      log: cfg.ferretdb.logFile,
    },
    postgres: {
      state: state(pPid, pOk),
      required: backend === 'postgresql',
      pid: pPid,
      address: `${cfg.host}:${cfg.postgres.port}`,
      version: postgresVersion(cfg),
      log: cfg.postgres.logFile,
    },
    env: { KAFKA_BROKERS: `${cfg.host}:${cfg.kafka.port}`, MONGO_URL: `mongodb://${cfg.host}:${ferretPort}/` },
  };
  result.ok =
    result.kafka.state === 'up' &&
    result.ferretdb.state === 'up' &&
    (!result.postgres.required || result.postgres.state === 'up');
  return result;
}

export function formatStatus(s) {
  const pad = (v, n) => String(v ?? '').padEnd(n);
  const line = (name, c, what) =>
    `${pad(name, 9)} ${pad(c.state, 10)} ${pad(c.pid ? `pid ${c.pid}` : '-', 11)} ${pad(c.address, 16)} ${what}`;
  const lines = [
    line('kafka', s.kafka, `Kafka ${s.kafka.version} (KRaft, single node)`),
    line('ferretdb', s.ferretdb, `FerretDB ${s.ferretdb.version} (${s.ferretdb.backend} backend)`),
  ];
  if (s.postgres.required || s.postgres.state !== 'down') {
    lines.push(
      line(
        'postgres',
        s.postgres,
        `PostgreSQL ${s.postgres.version ?? '?'}${s.postgres.required ? '' : ' (not used by the sqlite backend)'}`,
      ),
    );
  }
  return lines.join('\n');
}

/**
 * Print the last lines of the logs, or follow them (`tail -F`, survives log rotation on restart).
 * @param {{ component?: string; follow?: boolean; lines?: number; [option: string]: any }} [params]
 */
export async function logs({ component, follow = false, lines = 50, ...options } = {}) {
  const cfg = resolveConfig(options);
  const all = { kafka: cfg.kafka.logFile, ferretdb: cfg.ferretdb.logFile, postgres: cfg.postgres.logFile };
  if (component && !all[component])
    throw new InfraError(`unknown component "${component}" (want kafka, ferretdb or postgres)`);
  const files = component ? [all[component]] : Object.values(all).filter((f) => fs.existsSync(f));
  if (!files.length) throw new InfraError(`no logs yet under ${display(cfg, cfg.logsDir)}; run \`npm run infra:up\``);
  if (follow) {
    const child = spawn('tail', ['-n', String(lines), '-F', ...files], { stdio: 'inherit' });
    return new Promise((r) => child.on('close', r));
  }
  for (const file of files) {
    if (files.length > 1) process.stdout.write(`==> ${display(cfg, file)} <==\n`);
    process.stdout.write(`${tailFile(file, lines)}\n`);
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------- CLI

const USAGE = `usage: node tools/infra/infra.mjs <command> [options]
  up [--backend sqlite|postgresql] [--fresh] [--timeout <s>]   start Kafka and FerretDB (idempotent)
  down                                                         stop everything
  reset                                                        stop everything and wipe all data
  status [--json]                                              exit 0 when everything is up
  env                                                          print KAFKA_BROKERS / MONGO_URL exports
  indexes [<database prefix>]                                  GIN indexes for FerretDB's pushed-down equality (postgresql)
  logs [kafka|ferretdb|postgres] [-f]                          show or follow logs
env: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), FERRETDB_PORT (27027), POSTGRES_PORT (25432),
     LEADGATE_DB_BACKEND (sqlite|postgresql), LEADGATE_INFRA_DIR (<repo>/.infra), FERRETDB_LOG_LEVEL (warn)`;

function parseArgs(argv) {
  /** @type {{ _: string[]; [flag: string]: any }} */
  const opts = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--backend') opts.backend = value();
    else if (flag === '--timeout') {
      opts.timeoutMs = Number(value()) * 1000;
      if (!(opts.timeoutMs > 0)) throw new InfraError('--timeout wants a number of seconds');
    } else if (flag === '--fresh') opts.fresh = true;
    else if (flag === '--json') opts.json = true;
    else if (flag === '-f' || flag === '--follow') opts.follow = true;
    else if (flag === '-h' || flag === '--help') opts.help = true;
    else if (flag.startsWith('-')) throw new InfraError(`unknown option ${flag}\n${USAGE}`);
    else opts._.push(argv[i]);
  }
  return opts;
}

async function main(argv) {
  const opts = parseArgs(argv);
  const [command, arg] = opts._;
  if (opts.help || !command) {
    console.log(USAGE);
    return command || opts.help ? 0 : 1;
  }
  const options = { backend: opts.backend, timeoutMs: opts.timeoutMs };
  const printEnv = (env) =>
    console.log(
      Object.entries(env)
        .map(([k, v]) => `export ${k}=${v}`)
        .join('\n'),
    );
  switch (command) {
    case 'up': {
      const s = await up({ ...options, fresh: opts.fresh });
      printEnv(s.env);
      return 0;
    }
    case 'down':
      await down(options);
      return 0;
    case 'reset':
      await reset(options);
      return 0;
    case 'status': {
      const s = await status(options);
      console.log(opts.json ? JSON.stringify(s, null, 2) : formatStatus(s));
      return s.ok ? 0 : 1;
    }
    case 'env':
      printEnv(infraEnv(options));
      return 0;
    case 'indexes':
      await ensureIndexes({ ...options, prefix: arg ?? '' });
      return 0;
    case 'logs':
      await logs({ ...options, component: arg, follow: opts.follow });
      return 0;
    default:
      throw new InfraError(`unknown command "${command}"\n${USAGE}`);
  }
}

function isEntryPoint() {
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      defaultLog(err instanceof InfraError ? err.message : (err.stack ?? String(err)));
      process.exit(1);
    },
  );
}
