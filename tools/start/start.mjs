#!/usr/bin/env node
// `npm start`: the whole platform on the embedded default. Brings up Kafka and FerretDB
// (tools/infra), builds the services, starts all five, waits until every one is ready, then prints
// where to go. Ctrl-C stops the services gracefully, then the infrastructure this command started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { down, infraEnv, status, up } from '../infra/infra.mjs';
import { ensureDependencies } from '../lib/ensure-dependencies.mjs';
import { GATEWAY_URL, probeReadiness, SERVICES } from '../lib/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const logDir = path.join(root, '.infra', 'logs', 'services');
const say = (line) => console.log(`[start] ${line}`);

/** One signing key per machine, kept in the git-ignored .infra folder, so restarts of single services agree. */
function signingKey() {
  const file = path.join(root, '.infra', 'internal-signing-key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function startProcess({ app, port }, env) {
  const log = createWriteStream(path.join(logDir, `${app}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps', app, 'src/main.js')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return child;
}

async function waitUntilReady(service, child, timeoutMs) {
  const started = Date.now();
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`${service.app} exited during start; see .infra/logs/services/${service.app}.log`);
    if ((await probeReadiness(service, 1000)).ready) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service.app} not ready within ${timeoutMs / 1000} s; see .infra/logs/services/${service.app}.log`);
}

async function main() {
  ensureDependencies();
  // Loaded after the install check: the build needs @swc/core from node_modules.
  const { build } = await import('../build/build.mjs');
  const infraWasUp = (await status()).ok;
  await up();
  await build();
  mkdirSync(logDir, { recursive: true });
  const env = { ...infraEnv(), INTERNAL_SIGNING_KEY: signingKey(), NODE_ENV: 'development' };

  const children = new Map();
  let stopping = false;
  const stopAll = async (reason) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping services…`);
    for (const child of children.values()) child.kill('SIGTERM');
    await Promise.all([...children.values()].map((child) => child.exited));
    if (!infraWasUp) await down();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll('Ctrl-C'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));

  for (const service of SERVICES) children.set(service.app, startProcess(service, env));
  const readyIn = await Promise.all(
    SERVICES.map((service) => waitUntilReady(service, children.get(service.app), 90000)),
  ).catch(async (error) => {
    console.error(`[start] ${error.message}`);
    await stopAll('start failed');
  });
  for (const [app, child] of children) {
    void child.exited.then((code) => {
      if (!stopping) {
        console.error(`[start] ${app} stopped unexpectedly (${code}); see .infra/logs/services/${app}.log`);
        void stopAll('a service stopped');
      }
    });
  }

  const slowest = Math.max(...readyIn);
  console.log(`
  Leadgate is up (all five services ready; slowest in ${(slowest / 1000).toFixed(1)} s).

    Gateway      ${GATEWAY_URL}
    Health       ${GATEWAY_URL}/health/ready     Metrics ${GATEWAY_URL}/metrics
    Services     ${SERVICES.map(({ app, port }) => `${app} :${port}`).join(', ')}
    Logs         .infra/logs/services/<service>.log (JSON lines), infra: npm run infra:logs
    Status       npm run leadgate -- status
    Kafka        ${env.KAFKA_BROKERS}        MongoDB (FerretDB) ${env.MONGO_URL}

  Demo token: not yet — API tokens arrive with the identity issue (#3); until then there is no
  public authenticated route to call.

  Ctrl-C stops everything.
`);
}

main().catch(async (error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
