import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startService } from './service-process';

describe('startService', () => {
  it('kills a service that does not get ready and leaves no pid file behind', async () => {
    const pidDir = mkdtempSync(path.join(tmpdir(), 'pids-'));
    const failing = startService('docs', {
      baseEnv: { NODE_ENV: 'test' },
      // A process that lives but never listens: `node -e` with a timer runs instead of the service.
      nodeArgs: ['-e', 'setTimeout(() => {}, 60000)'],
      logFile: path.join(pidDir, 'docs.log'),
      pidDir,
      timeoutMs: 300,
    });
    await expect(failing).rejects.toThrow(/docs on port \d+ .* not ready within 0.3 s/);
    // The wait rejected only after the kill, and the exit removed the pid file.
    expect(readdirSync(pidDir).filter((name) => /^\d+$/.test(name))).toEqual([]);
  });
});
