#!/usr/bin/env node
// @ts-check
// `npm start`: the whole platform on the embedded default. Brings up Kafka and FerretDB
// (tools/infra), builds the services, starts all of them, waits until every one is ready, then prints
// where to go. Ctrl-C stops the services gracefully, then the infrastructure this command started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { down, ensureIndexes, infraEnv, status, up } from '../infra/infra.mjs';
import { ensureDependencies } from '../lib/ensure-dependencies.mjs';
import { bootstrapAccount } from '../lib/operator.mjs';
import { ensureKeyPairs, keyEnv } from '../lib/principal-keys.mjs';
import { GATEWAY_URL, managementUrl, SERVICES, serviceUrl, waitUntilReady } from '../lib/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const logDir = path.join(root, '.infra', 'logs', 'services');
/** @param {string} line */
const say = (line) => console.log(`[start] ${line}`);

/** Key settings of the caller's shell never reach a service: each gets exactly the keys keyEnv() gives it. */
const KEY_VARIABLES = [
  'PRINCIPAL_SIGNING_KEY',
  'PRINCIPAL_SIGNING_KEY_FILE',
  'OPERATOR_SIGNING_KEY',
  'OPERATOR_SIGNING_KEY_FILE',
  'WEBHOOK_SECRET_KEYS',
  'WEBHOOK_SECRET_KEYS_FILE',
];

/**
 * Settings of the embedded default per service: webhooks may reach receivers on this machine over
 * plain http (API.md §12; production leaves it off).
 * @type {Record<string, Record<string, string>>}
 */
const EMBEDDED_SETTINGS = { webhooks: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } };

/** @typedef {import('node:child_process').ChildProcess & { exited: Promise<number | string | null> }} ServiceChild */

/**
 * @param {import('../lib/services.mjs').Service} service
 * @param {Record<string, string>} env
 * @returns {ServiceChild}
 */
function startProcess({ app, port, managementPort }, env) {
  const inherited = { ...process.env };
  for (const name of KEY_VARIABLES) delete inherited[name];
  const log = createWriteStream(path.join(logDir, `${app}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps', app, 'src/main.js')], {
    cwd: root,
    env: { ...inherited, ...env, PORT: String(port), MANAGEMENT_PORT: String(managementPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return Object.assign(child, {
    /** @type {Promise<number | string | null>} */
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal))),
  });
}

/**
 * Ready in ms, or an error that points at the service's log.
 * @param {import('../lib/services.mjs').Service} service
 * @param {ServiceChild | undefined} child
 * @param {number} timeoutMs
 */
function serviceReady(service, child, timeoutMs) {
  return waitUntilReady(serviceUrl(service), { exited: child?.exited, timeoutMs, what: service.app }).catch((error) => {
    throw new Error(`${error.message}; see .infra/logs/services/${service.app}.log`);
  });
}

/**
 * @typedef {import('../../libs/testing/src/accounts.js').BootstrappedAccount & {
 *   owner_sign_in?: { email: string; password: string };
 * }} DemoAccount
 */

/**
 * The demo account's owner token and owner sign-in, made once per machine with the operator
 * bootstrap and kept in the git-ignored .infra folder (mode 600), so every start prints a token and
 * a sign-in that work. The password is random per machine, never a default anyone could guess.
 */
async function demoAccount() {
  const file = path.join(root, '.infra', 'demo-account.json');
  if (existsSync(file)) {
    const saved = /** @type {DemoAccount} */ (JSON.parse(readFileSync(file, 'utf8')));
    const me = await fetch(`${GATEWAY_URL}/v1/me`, { headers: { authorization: `Bearer ${saved.admin_token}` } });
    if (me.status === 200 && saved.owner_sign_in) return saved;
  }
  const ownerSignIn = {
    email: `demo-owner-${randomBytes(3).toString('hex')}@example.com`,
    password: randomBytes(12).toString('base64url'),
  };
  /** @type {DemoAccount} */
  const created = { ...(await bootstrapAccount('Demo', ownerSignIn)), owner_sign_in: ownerSignIn };
  writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600 });
  // The gateway learns a new token from Kafka within milliseconds; wait so the printed token works.
  for (let attempt = 0; attempt < 50; attempt++) {
    const me = await fetch(`${GATEWAY_URL}/v1/me`, { headers: { authorization: `Bearer ${created.admin_token}` } });
    if (me.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return created;
}

async function main() {
  ensureDependencies();
  // Loaded after the install check: the build needs @swc/core from node_modules.
  const { build } = await import('../build/build.mjs');
  const infraWasUp = (await status()).ok;
  await up();
  await build();
  mkdirSync(logDir, { recursive: true });
  const env = { ...infraEnv(), NODE_ENV: 'development' };
  // Ed25519 pairs made once into .infra/keys (git-ignored): the gateway's private key only to the
  // gateway (as a file, like a mounted Secret), the operator's to nobody (the CLI reads it).
  const keys = ensureKeyPairs();

  /** @type {Map<string, ServiceChild>} */
  const children = new Map();
  let stopping = false;
  /** @param {string} reason */
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

  for (const service of SERVICES) {
    const own = { ...keyEnv(service.app, keys, { asFile: true }), ...EMBEDDED_SETTINGS[service.app] };
    children.set(service.app, startProcess(service, { ...env, ...own }));
  }
  const readyIn = await Promise.all(
    SERVICES.map((service) => serviceReady(service, children.get(service.app), 90000)),
  ).catch(async (error) => {
    console.error(`[start] ${error.message}`);
    await stopAll('start failed');
    // stopAll exits the process; were a stop already under way, the start still failed.
    throw error;
  });
  for (const [app, child] of children) {
    void child.exited.then((code) => {
      if (!stopping) {
        console.error(`[start] ${app} stopped unexpectedly (${code}); see .infra/logs/services/${app}.log`);
        void stopAll('a service stopped');
      }
    });
  }

  // The services made their collections at start (FerretDB creates tables lazily): now they can
  // get the GIN indexes FerretDB's pushed-down lookups use (tools/infra/lib/containment-indexes.mjs).
  // Again every minute: a collection made later (or an index the service built after it was ready)
  // is covered too; a run that finds everything in place creates nothing.
  const indexes = () => ensureIndexes({ prefix: 'leadgate_', log: say }).catch((error) => say(error.message));
  await indexes();
  setInterval(() => void indexes(), 60_000).unref();
  const demo = await demoAccount();
  const slowest = Math.max(...readyIn);
  console.log(`
  Leadgate is up (all ${SERVICES.length} services ready; slowest in ${(slowest / 1000).toFixed(1)} s).

    Gateway      ${GATEWAY_URL}
    Console      ${GATEWAY_URL}/console (sign in with the demo owner below)
    Health       ${GATEWAY_URL}/health/ready (a status only)
    Management   ${managementUrl(SERVICES[0])}/metrics and /health/ready in detail (each service at its port + 1000)
    Services     ${SERVICES.map(({ app, port }) => `${app} :${port}`).join(', ')}
    Logs         .infra/logs/services/<service>.log (JSON lines), infra: npm run infra:logs
    Status       npm run leadgate -- status
    Kafka        ${env.KAFKA_BROKERS}        MongoDB (FerretDB) ${env.MONGO_URL}

  Demo account ${demo.account_id}, admin token (kept in .infra/demo-account.json):
    ${demo.admin_token}
  Try:
    curl -s ${GATEWAY_URL}/v1/me -H "Authorization: Bearer ${demo.admin_token}"

  Console sign-in at ${GATEWAY_URL}/console (owner of the demo account):
    E-mail     ${demo.owner_sign_in?.email}
    Password   ${demo.owner_sign_in?.password}

  Ctrl-C stops everything.
`);
}

main().catch(async (error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
