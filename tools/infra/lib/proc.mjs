// @ts-check
// Process plumbing shared by the components: detached daemons, pid files that may be stale,
// polite-then-forceful stops, and a lock so two `up`s (e.g. `npm start` and a test run) do not race.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';

/** @typedef {{ cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number }} RunAs */

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function seconds(sinceMs) {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

export function readPid(file) {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim().split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function writePid(file, pid) {
  fs.mkdirSync(dirname(file), { recursive: true });
  fs.writeFileSync(file, `${pid}\n`);
}

/**
 * Alive and really ours: a pid file can outlive its process and the pid can be reused by anything,
 * so also match the command line (Linux /proc; elsewhere fall back to signal 0 alone).
 */
export function isAlive(pid, marker) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z/.test(stat)) return false; // zombie: exited, parent has not reaped it yet
    if (marker) return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch (err) {
    if (err.code === 'ENOENT' && fs.existsSync('/proc/self')) return false;
  }
  return true;
}

/** A pid from a pid file when its process still runs; otherwise removes the stale file. */
export function livePid(file, marker, log) {
  const pid = readPid(file);
  if (pid && isAlive(pid, marker)) return pid;
  if (fs.existsSync(file)) {
    log?.(`removing stale pid file ${file}${pid ? ` (pid ${pid} is gone)` : ''}`);
    fs.rmSync(file, { force: true });
  }
  return null;
}

/** Keep the previous run's log as <file>.1 so the current log starts clean and stays small. */
export function rotateLog(file) {
  fs.mkdirSync(dirname(file), { recursive: true });
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
}

/**
 * Start a daemon that survives this process: own session (detached), stdio to the log file, unref'd.
 * Resolves once the OS has started it, or rejects when the binary cannot be executed.
 */
/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunAs & { logFile: string }} options
 * @returns {Promise<number | undefined>}
 */
export function spawnDetached(cmd, args, { logFile, cwd, env, uid, gid }) {
  fs.mkdirSync(dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  return new Promise((resolvePid, reject) => {
    const child = spawn(cmd, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', fd, fd] });
    child.once('error', (err) => {
      fs.closeSync(fd);
      reject(err);
    });
    child.once('spawn', () => {
      fs.closeSync(fd);
      child.unref();
      resolvePid(child.pid);
    });
  });
}

/**
 * Run a command to completion, capturing its output (for builds and one-shot tools).
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunAs & { input?: string; detached?: boolean }} [options]
 * @returns {Promise<{ code: number; signal: NodeJS.Signals | null; output: string }>}
 */
export function run(cmd, args, { cwd, env, uid, gid, input, detached = false } = {}) {
  return new Promise((resolveRun, reject) => {
    // detached: for launchers like pg_ctl whose daemon must not share our session/process group.
    const child = spawn(cmd, args, { cwd, env, uid, gid, detached, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('close', (code, signal) => resolveRun({ code: code ?? 128, signal, output: out }));
    child.stdin.end(input ?? '');
  });
}

/**
 * Run, and throw with the command's tail of output when it fails.
 * @param {string} what
 * @param {string} cmd
 * @param {string[]} args
 * @param {Parameters<typeof run>[2]} [opts]
 */
export async function runOrThrow(what, cmd, args, opts) {
  const res = await run(cmd, args, opts);
  if (res.code !== 0) {
    const tail = res.output.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${what} failed (exit ${res.code}): ${cmd} ${args.join(' ')}\n${tail}`);
  }
  return res.output;
}

/**
 * SIGTERM (or the given signal), wait, then SIGKILL: daemons get a chance to flush and close.
 * @param {number} pid
 * @param {{ marker?: string; signal?: NodeJS.Signals; timeoutMs?: number }} [options]
 */
export async function stopPid(pid, { marker, signal = 'SIGTERM', timeoutMs = 20_000 } = {}) {
  if (!isAlive(pid, marker)) return 'not running';
  try {
    process.kill(pid, signal);
  } catch {
    return 'not running';
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid, marker)) return 'stopped';
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* exited meanwhile */
  }
  for (let i = 0; i < 50 && isAlive(pid, marker); i++) await sleep(100);
  return 'killed';
}

export function tcpProbe(host, port, timeoutMs = 1000) {
  return new Promise((resolveProbe) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolveProbe(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Poll `check` until it returns a truthy value; `failFast` lets the caller give up early (process died).
 * @template T
 * @param {() => Promise<T>} check
 * @param {{ timeoutMs: number; intervalMs?: number; failFast?: () => string | false | null | undefined }} options
 */
export async function waitUntil(check, { timeoutMs, intervalMs = 250, failFast }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check().catch(() => false);
    if (result) return result;
    const reason = failFast?.();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(intervalMs);
  }
}

export function tailFile(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

let lockDepth = 0; // re-entrant within one process (e.g. `up --fresh` calls `reset`)

/**
 * Cross-process lock: mkdir is atomic. A lock left by a dead process is taken over, so a crashed
 * or Ctrl-C'd `up` never wedges the next one.
 */
/**
 * @template T
 * @param {string} runDir
 * @param {() => Promise<T>} fn
 * @param {{ timeoutMs?: number; log?: (line: string) => void }} [options]
 */
export async function withLock(runDir, fn, { timeoutMs = 300_000, log } = {}) {
  if (lockDepth > 0) return runHeld(fn);
  const lockDir = join(runDir, 'lock');
  const ownerFile = join(lockDir, 'owner');
  fs.mkdirSync(runDir, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(ownerFile, `${process.pid}\n`);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const owner = readPid(ownerFile);
      if (!owner || !isAlive(owner)) {
        // The owner may be between mkdir and writing its pid; give it a moment before taking over.
        await sleep(200);
        if (readPid(ownerFile) === owner) fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) log?.(`waiting for another infra command (pid ${owner}) to finish…`);
      announced = true;
      if (Date.now() > deadline) throw new Error(`infra lock held by pid ${owner} for too long (${lockDir})`);
      await sleep(250);
    }
  }
  try {
    return await runHeld(fn);
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

async function runHeld(fn) {
  lockDepth += 1;
  try {
    return await fn();
  } finally {
    lockDepth -= 1;
  }
}
