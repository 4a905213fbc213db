// @ts-check
// A private PostgreSQL cluster for FerretDB's postgresql backend, from the distribution's server
// binaries (Debian: /usr/lib/postgresql/<v>/bin). Loopback TCP only, trust auth, no Unix socket
// (socket paths are length-limited and /var/run/postgresql may not be ours).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { findPostgresBin } from './prereqs.mjs';
import { POSTGRES_MAX_CONNECTIONS } from './config.mjs';
import { isAlive, rotateLog, run, runOrThrow, stopPid } from './proc.mjs';

export const POSTGRES_MARKER = 'postgres';

/** postgres refuses to run as root; when we are root, run it as the `postgres` system user. */
function account() {
  if (process.getuid?.() !== 0) return {};
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
      return { uid, gid, user };
    } catch {
      /* no such user */
    }
  }
  throw new Error('running as root and no unprivileged `postgres` user exists: useradd --system postgres');
}

/**
 * @param {string} path
 * @param {{ uid?: number; gid?: number }} owner none when we are not root
 */
function chownTree(path, { uid, gid }) {
  if (uid === undefined) return;
  fs.chownSync(path, uid, /** @type {number} */ (gid));
  if (fs.statSync(path).isDirectory()) for (const f of fs.readdirSync(path)) chownTree(join(path, f), { uid, gid });
}

function bin(name) {
  const file = findPostgresBin(name);
  if (!file) throw new Error(`PostgreSQL's ${name} not found: apt-get install postgresql`);
  return file;
}

export function postgresVersion(cfg) {
  try {
    return fs.readFileSync(join(cfg.postgres.dataDir, 'PG_VERSION'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** The postmaster's pid from its own postmaster.pid (pg_ctl owns that file; we keep no copy). */
export function postgresPid(cfg) {
  try {
    const pid = Number(fs.readFileSync(join(cfg.postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return isAlive(pid, POSTGRES_MARKER) ? pid : null;
  } catch {
    return null;
  }
}

export async function postgresHealthy(cfg) {
  const res = await run(bin('pg_isready'), [
    '-q',
    '-h',
    cfg.host,
    '-p',
    String(cfg.postgres.port),
    '-U',
    cfg.postgres.user,
    '-d',
    cfg.postgres.database,
  ]).catch(() => null);
  return res?.code === 0;
}

async function ensureCluster(cfg, acct, log) {
  if (fs.existsSync(join(cfg.postgres.dataDir, 'PG_VERSION'))) return;
  log('initialising a private PostgreSQL cluster…');
  fs.mkdirSync(cfg.postgres.dataDir, { recursive: true, mode: 0o700 });
  chownTree(cfg.postgres.dir, acct);
  await runOrThrow(
    'initdb',
    bin('initdb'),
    ['-D', cfg.postgres.dataDir, '-U', cfg.postgres.user, '--auth=trust', '-E', 'UTF8', '--locale=C'],
    { cwd: cfg.postgres.dir, uid: acct.uid, gid: acct.gid },
  );
}

export async function startPostgres(cfg, { log, timeoutMs }) {
  const acct = account();
  fs.mkdirSync(cfg.postgres.dir, { recursive: true });
  await ensureCluster(cfg, acct, log);
  rotateLog(cfg.postgres.logFile);
  fs.writeFileSync(cfg.postgres.logFile, '');
  chownTree(cfg.postgres.logFile, acct);
  log('starting PostgreSQL…');
  const started = Date.now();
  // Autovacuum looks every 10 s (default 60 s): after a bulk load the planner has row counts and the
  // GIN pending lists are merged within seconds, not a minute of sequential scans (ADR 003).
  const opts = `-p ${cfg.postgres.port} -c listen_addresses=${cfg.host} -c unix_socket_directories='' -c max_connections=${POSTGRES_MAX_CONNECTIONS} -c autovacuum_naptime=10s`;
  await runOrThrow(
    'pg_ctl start',
    bin('pg_ctl'),
    [
      '-D',
      cfg.postgres.dataDir,
      '-l',
      cfg.postgres.logFile,
      '-o',
      opts,
      '-w',
      '-t',
      String(Math.ceil(timeoutMs / 1000)),
      'start',
    ],
    { cwd: cfg.postgres.dir, uid: acct.uid, gid: acct.gid, detached: true },
  );
  // FerretDB v1 needs its database to exist. Cheap enough to ask every start (a wiped or
  // hand-edited cluster heals itself); "already exists" is the normal answer.
  const res = await run(bin('createdb'), [
    '-h',
    cfg.host,
    '-p',
    String(cfg.postgres.port),
    '-U',
    cfg.postgres.user,
    cfg.postgres.database,
  ]);
  if (res.code !== 0 && !/already exists/.test(res.output)) throw new Error(`createdb failed: ${res.output}`);
  log(
    `PostgreSQL ${postgresVersion(cfg)} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${postgresPid(cfg)}, ${cfg.host}:${cfg.postgres.port})`,
  );
}

export async function stopPostgres(cfg, log) {
  const pid = postgresPid(cfg);
  if (!pid) return false;
  log(`stopping PostgreSQL (pid ${pid})…`);
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open sessions, checkpoint, exit. (SIGTERM
  // would wait for clients to disconnect.)
  const how = await stopPid(pid, { marker: POSTGRES_MARKER, signal: 'SIGINT', timeoutMs: 20_000 });
  log(`PostgreSQL ${how}`);
  return true;
}
