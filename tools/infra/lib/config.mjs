// @ts-check
// Where everything lives and which ports it uses. One function builds the whole picture so the CLI,
// a test harness and the backend benchmark can each ask for their own (different dirs and ports)
// without the modules reading the environment on their own.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const KAFKA_VERSION = '3.9.1';

// Chosen by measurement: PostgreSQL answered the lead list query ~8x faster than SQLite on 100k
// leads (docs/BENCHMARKS.md, docs/adr/003-database-backend.md). LEADGATE_DB_BACKEND=sqlite switches.
export const DEFAULT_BACKEND = 'postgresql';
/** FerretDB's PostgreSQL pool (its default is 50) and the server's limit above it (see the URL below). */
export const FERRETDB_POOL_MAX_CONNS = 240;
export const POSTGRES_MAX_CONNECTIONS = 300;
export const BACKENDS = ['sqlite', 'postgresql'];

function port(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name}=${value} is not a TCP port`);
  return n;
}

/**
 * @param {object} [options]
 * @param {string} [options.infraDir]  state directory (default <repo>/.infra, env LEADGATE_INFRA_DIR)
 * @param {string} [options.backend]   sqlite | postgresql (default env LEADGATE_DB_BACKEND, then DEFAULT_BACKEND)
 * @param {object} [options.ports]     { kafka, kafkaController, ferretdb, postgres }
 * @param {NodeJS.ProcessEnv} [env]
 */
export function resolveConfig(options = {}, env = process.env) {
  const infraDir = resolve(options.infraDir ?? env.LEADGATE_INFRA_DIR ?? join(REPO_ROOT, '.infra'));
  const backend = options.backend ?? (env.LEADGATE_DB_BACKEND || DEFAULT_BACKEND);
  if (!BACKENDS.includes(backend)) {
    throw new Error(`unknown database backend "${backend}" (want ${BACKENDS.join(' or ')})`);
  }
  const p = options.ports ?? {};
  // Loopback only: this is a developer/CI sandbox with no authentication.
  const host = '127.0.0.1';
  const runDir = join(infraDir, 'run');
  const logsDir = join(infraDir, 'logs');
  const kafkaDir = join(infraDir, 'kafka');
  const ferretDir = join(infraDir, 'ferretdb');
  const pgDir = join(infraDir, 'postgres');

  const cfg = {
    root: REPO_ROOT,
    infraDir,
    runDir,
    logsDir,
    host,
    backend,
    kafka: {
      port: p.kafka ?? port(env.KAFKA_PORT, 19092, 'KAFKA_PORT'),
      controllerPort: p.kafkaController ?? port(env.KAFKA_CONTROLLER_PORT, 19093, 'KAFKA_CONTROLLER_PORT'),
      pom: join(REPO_ROOT, 'tools/infra/kafka/pom.xml'),
      dir: kafkaDir,
      libsDir: join(kafkaDir, 'libs'),
      libsStamp: join(kafkaDir, 'libs.sha256'),
      dataDir: join(kafkaDir, 'data'),
      propsFile: join(kafkaDir, 'server.properties'),
      log4jFile: join(kafkaDir, 'log4j.properties'),
      logFile: join(logsDir, 'kafka.log'),
      pidFile: join(runDir, 'kafka.pid'),
    },
    ferretdb: {
      port: p.ferretdb ?? port(env.FERRETDB_PORT, 27027, 'FERRETDB_PORT'),
      srcDir: join(REPO_ROOT, 'tools/infra/ferretdb'),
      dir: ferretDir,
      bin: join(ferretDir, 'bin', 'ferretdb-launcher'),
      binStamp: join(ferretDir, 'bin', 'ferretdb-launcher.json'),
      dataDir: join(ferretDir, 'data'),
      logFile: join(logsDir, 'ferretdb.log'),
      pidFile: join(runDir, 'ferretdb.pid'),
      metaFile: join(runDir, 'ferretdb.json'),
    },
    postgres: {
      port: p.postgres ?? port(env.POSTGRES_PORT, 25432, 'POSTGRES_PORT'),
      dir: pgDir,
      dataDir: join(pgDir, 'data'),
      logFile: join(logsDir, 'postgres.log'),
      database: 'ferretdb',
      user: 'postgres',
    },
  };
  cfg.urls = {
    KAFKA_BROKERS: `${host}:${cfg.kafka.port}`,
    MONGO_URL: `mongodb://${host}:${cfg.ferretdb.port}/`,
  };
  // FerretDB v1 runs an update as a query that keeps its connection plus a transaction that needs a
  // second one: with more concurrent updates than half its pool, every one waits for the other
  // half forever (seen in the benchmarks: 50 connections held, 123 goroutines waiting to acquire).
  // A pool far above what the services' driver pools can have in flight keeps it out of reach.
  cfg.postgres.url = `postgres://${cfg.postgres.user}@${host}:${cfg.postgres.port}/${cfg.postgres.database}?pool_max_conns=${FERRETDB_POOL_MAX_CONNS}`;
  return cfg;
}
