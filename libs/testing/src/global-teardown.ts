import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PID_DIR } from './service-process';

/** Jest global teardown: no service process outlives the test run, whatever a test left behind. */
export default function globalTeardown(): void {
  let pids: string[] = [];
  try {
    pids = readdirSync(PID_DIR);
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(path.join(PID_DIR, pid), { force: true });
  }
}
