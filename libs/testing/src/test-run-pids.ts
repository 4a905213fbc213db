import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';

/**
 * Service processes started by tests leave a pid file until they exit, in a folder of their own
 * jest run (named after the run's main process), so the global teardown (another module registry,
 * another `process` object) can kill what a failed test left — of its own run only, never the
 * services of another run going on in the same checkout.
 */
const PIDS_ROOT = path.join(REPO_ROOT, 'tmp', 'test-pids');
const RUN_ENV = 'LEADGATE_TEST_RUN';

/** Called by the global setup, before any worker starts, so workers inherit the run's name. */
export function claimTestRun(): void {
  process.env[RUN_ENV] ??= String(process.pid);
}

/** This run's pid folder (services started outside a jest run go under `unowned`). */
export function runPidDir(root = PIDS_ROOT): string {
  return path.join(root, process.env[RUN_ENV] ?? 'unowned');
}

/** SIGKILLs every service this run left behind, and those of earlier runs whose jest is gone. */
export function killLeftoverServices(root = PIDS_ROOT): void {
  for (const run of listNames(root)) {
    const runDir = path.join(root, run);
    if (runDir !== runPidDir(root) && isAlive(Number(run))) continue;
    for (const pid of listNames(runDir)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(runDir, { recursive: true, force: true });
  }
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
