import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killLeftoverServices, runPidDir } from './test-run-pids';

function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { child, exited };
}

function leavePidFile(dir: string, pid: number | undefined): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, String(pid)), 'leads');
}

describe('killLeftoverServices', () => {
  it("kills this run's and dead runs' services, never those of another live run", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'test-pids-'));
    const ours = sleeper();
    const orphan = sleeper();
    const othersLive = sleeper();
    leavePidFile(runPidDir(root), ours.child.pid);
    // A run's folder is named after its jest process: 2^22 + 1 is above Linux's pid_max, so never alive.
    leavePidFile(path.join(root, String(2 ** 22 + 1)), orphan.child.pid);
    // This test's own parent stands for another jest run that is still going on.
    leavePidFile(path.join(root, String(process.ppid)), othersLive.child.pid);

    killLeftoverServices(root);

    expect(await ours.exited).toBe('SIGKILL');
    expect(await orphan.exited).toBe('SIGKILL');
    expect(othersLive.child.exitCode === null && othersLive.child.signalCode === null).toBe(true);
    expect(existsSync(path.join(root, String(process.ppid)))).toBe(true);
    othersLive.child.kill('SIGKILL');
    await othersLive.exited;
  });
});
