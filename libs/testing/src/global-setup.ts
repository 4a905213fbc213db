import { spawnSync } from 'node:child_process';
import { REPO_ROOT as root } from './repo-root';

function run(label: string, args: string[]): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
  process.stdout.write(`[integration] ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Jest global setup: the embedded Kafka and FerretDB up (idempotent), and dist/ built once. */
export default function globalSetup(): void {
  process.stdout.write('\n');
  run('embedded infrastructure up', ['tools/infra/infra.mjs', 'up']);
  run('build', ['tools/build/build.mjs', '--if-stale']);
}
