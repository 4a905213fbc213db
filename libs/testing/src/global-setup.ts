import { spawnSync } from 'node:child_process';
import { REPO_ROOT as root } from './repo-root';
import { dropStaleTestDatabases } from './stale-test-databases';
import { MONGO_URL } from './test-env';
import { claimTestRun } from './test-run-pids';

/** Test runs older than this are over (the whole suite takes minutes), so their databases can go. */
const STALE_AFTER_MS = 2 * 60 * 60 * 1000;

function run(label: string, args: string[]): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
  process.stdout.write(`[integration] ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/**
 * Jest global setup: the embedded Kafka and FerretDB up (idempotent), the databases of old test runs
 * dropped, and dist/ built once.
 */
export default async function globalSetup(): Promise<void> {
  claimTestRun();
  process.stdout.write('\n');
  run('embedded infrastructure up', ['tools/infra/infra.mjs', 'up']);
  const started = Date.now();
  const dropped = await dropStaleTestDatabases(MONGO_URL, STALE_AFTER_MS);
  process.stdout.write(
    `[integration] ${dropped} stale test databases dropped in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  run('build', ['tools/build/build.mjs', '--if-stale']);
}
