// @ts-check
// Embedded FerretDB v1 (MongoDB wire protocol) through our launcher in tools/infra/ferretdb, which
// embeds the ferretdb package because the upstream cmd/ferretdb panics when built with `go install`
// (see docs/adr/001-embedded-infrastructure.md).
import fs from 'node:fs';
import { join } from 'node:path';
import { hashFiles, readStamp, writeStamp } from './cache.mjs';
import { mongoCommand } from './mongo-wire.mjs';
import { isAlive, livePid, rotateLog, runOrThrow, spawnDetached, stopPid, waitUntil, writePid } from './proc.mjs';

export const FERRETDB_MARKER = 'ferretdb-launcher';

const sources = (cfg) => ['main.go', 'go.mod', 'go.sum'].map((f) => join(cfg.ferretdb.srcDir, f));

/** The FerretDB release we embed, as pinned in go.mod (the binary itself reports "unknown"). */
export function ferretdbModuleVersion(cfg) {
  try {
    const gomod = fs.readFileSync(join(cfg.ferretdb.srcDir, 'go.mod'), 'utf8');
    return gomod.match(/github\.com\/FerretDB\/FerretDB (v[\w.-]+)/)?.[1] ?? null;
  } catch {
    return null;
  }
}

export function launcherIsStale(cfg) {
  const stamp = readStamp(cfg.ferretdb.binStamp);
  return !stamp || stamp.sources !== hashFiles(sources(cfg)) || !fs.existsSync(cfg.ferretdb.bin);
}

/** Build beside the old binary and rename over it: a running launcher keeps its (unlinked) inode. */
export async function buildLauncher(cfg, log) {
  log('building FerretDB launcher…');
  const started = Date.now();
  const tmp = `${cfg.ferretdb.bin}.tmp`;
  fs.mkdirSync(join(cfg.ferretdb.bin, '..'), { recursive: true });
  // -mod=readonly: a go.sum that does not match go.mod must fail here, not be rewritten silently.
  await runOrThrow('go build', 'go', ['build', '-mod=readonly', '-trimpath', '-o', tmp, '.'], {
    cwd: cfg.ferretdb.srcDir,
    env: { ...process.env, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
  });
  fs.renameSync(tmp, cfg.ferretdb.bin);
  writeStamp(cfg.ferretdb.binStamp, {
    sources: hashFiles(sources(cfg)),
    ferretdb: ferretdbModuleVersion(cfg),
    builtAt: new Date().toISOString(),
  });
  log(`FerretDB launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function ferretdbPid(cfg, log) {
  const pid = livePid(cfg.ferretdb.pidFile, FERRETDB_MARKER, log);
  if (!pid) fs.rmSync(cfg.ferretdb.metaFile, { force: true });
  return pid;
}

/** How the running FerretDB was started (backend, port), so `up` can tell a wrong one from a right one. */
export function ferretdbMeta(cfg) {
  return readStamp(cfg.ferretdb.metaFile);
}

/**
 * Healthy = a MongoDB `hello` round trip plus `listDatabases`, which (unlike hello) goes through
 * the backend: a FerretDB whose PostgreSQL is down answers hello but fails this.
 * listDatabases visits every database: with hundreds of them (test runs) on a loaded machine it
 * took over 4 s, and a 2 s limit had `up` restart a FerretDB that was merely slow.
 */
export async function ferretdbHealthy(cfg, timeoutMs = 2000, backendTimeoutMs = 15_000) {
  try {
    const hello = await mongoCommand(cfg.host, cfg.ferretdb.port, { hello: 1 }, { timeoutMs });
    await mongoCommand(
      cfg.host,
      cfg.ferretdb.port,
      { listDatabases: 1, nameOnly: true },
      { timeoutMs: Math.max(timeoutMs, backendTimeoutMs) },
    );
    return { maxWireVersion: hello.maxWireVersion };
  } catch {
    return null;
  }
}

export async function startFerretdb(cfg, { log, timeoutMs }) {
  const args = [
    '-listen',
    `${cfg.host}:${cfg.ferretdb.port}`,
    '-handler',
    cfg.backend,
    '-log-level',
    process.env.FERRETDB_LOG_LEVEL || 'warn',
  ];
  if (cfg.backend === 'sqlite') args.push('-sqlite-dir', cfg.ferretdb.dataDir);
  else args.push('-postgresql-url', cfg.postgres.url);
  fs.mkdirSync(cfg.ferretdb.dataDir, { recursive: true });
  rotateLog(cfg.ferretdb.logFile);
  log(`starting FerretDB (${cfg.backend} backend)…`);
  const started = Date.now();
  const pid = await spawnDetached(cfg.ferretdb.bin, args, { logFile: cfg.ferretdb.logFile, cwd: cfg.ferretdb.dir });
  writePid(cfg.ferretdb.pidFile, pid);
  writeStamp(cfg.ferretdb.metaFile, {
    pid,
    backend: cfg.backend,
    port: cfg.ferretdb.port,
    startedAt: new Date().toISOString(),
  });
  await waitUntil(() => ferretdbHealthy(cfg), {
    timeoutMs,
    failFast: () => (isAlive(pid, FERRETDB_MARKER) ? null : 'the FerretDB process exited'),
  });
  log(
    `FerretDB ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${pid}, ${cfg.urls.MONGO_URL}, ${cfg.backend})`,
  );
  return pid;
}

export async function stopFerretdb(cfg, log) {
  const pid = ferretdbPid(cfg);
  if (!pid) {
    fs.rmSync(cfg.ferretdb.pidFile, { force: true });
    return false;
  }
  log(`stopping FerretDB (pid ${pid})…`);
  const how = await stopPid(pid, { marker: FERRETDB_MARKER, timeoutMs: 20_000 });
  fs.rmSync(cfg.ferretdb.pidFile, { force: true });
  fs.rmSync(cfg.ferretdb.metaFile, { force: true });
  log(`FerretDB ${how}`);
  return true;
}
