#!/usr/bin/env node
// @ts-check
// The operator CLI: `npm run leadgate -- <command>`. Commands talk to the platform that
// `npm start` runs (or to the URLs in LEADGATE_<SERVICE>_URL and LEADGATE_<SERVICE>_MANAGEMENT_URL).
import { status as infraStatus } from '../infra/infra.mjs';
import { consumeLeadEvents } from '../events/lead-events.mjs';
import { bootstrapAccount } from '../lib/operator.mjs';
import { generateKeyPair } from '../lib/principal-keys.mjs';
import { managementUrl, probeReadiness, SERVICES, serviceUrl } from '../lib/services.mjs';

const USAGE = `usage: npm run leadgate -- <command>

  status [--json]                         which services and infrastructure are up, versions, read-model lag
  bootstrap --account "<name>" [--email <e> --password <p>] [--json]
                                        a new account, its owner token (admin, shown once) and its first owner
  events tail [--campaign <id>] [--from-beginning | --since <30s|10m|2h|ISO time>] [--max <n>]
                                          prints lead events (one JSON line each) as they arrive
  keys generate [--json]                  a new Ed25519 key pair for the signed principal (gateway or operator)`;

/**
 * @param {string[]} args
 * @param {string} name
 */
function option(args, name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** @param {string[]} args */
async function eventsCommand(args) {
  if (args[0] !== 'tail') {
    console.error(
      'usage: events tail [--campaign <id>] [--from-beginning | --since <30s|10m|2h|ISO time>] [--max <n>]',
    );
    return 2;
  }
  const sinceText = option(args, '--since');
  const since = sinceText === undefined ? undefined : sinceOf(sinceText);
  if (Number.isNaN(since)) {
    console.error(`--since takes 30s, 10m, 2h or an ISO time, not "${sinceText}"`);
    return 2;
  }
  const campaign = option(args, '--campaign');
  const max = Number(option(args, '--max') ?? Infinity);
  let printed = 0;
  /** @type {() => Promise<void>} */
  let stop = async () => {};
  /** @type {unknown} */
  let failure;
  /** @type {Promise<void>} */
  const done = new Promise((resolve) => {
    process.once('SIGINT', resolve);
    consumeLeadEvents({
      clientId: 'leadgate-cli-tail',
      groupId: null,
      fromBeginning: args.includes('--from-beginning'),
      since,
      onEvent: async (event) => {
        if (campaign && event.data?.campaign_id !== campaign) return;
        console.log(JSON.stringify(event));
        if (++printed >= max) resolve();
      },
    }).then(
      (stopper) => (stop = stopper),
      (error) => {
        // A refused setting or connection is the tail's answer, not a quiet end.
        failure = error;
        resolve();
      },
    );
  });
  await done;
  await stop();
  if (failure) throw failure;
  return 0;
}

/**
 * Unix ms for "30s", "10m", "2h" ago, or an ISO time; NaN for anything else.
 * @param {string} text
 */
function sinceOf(text) {
  const ago = /^(\d+)([smh])$/.exec(text);
  if (ago)
    return Date.now() - Number(ago[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[/** @type {'s' | 'm' | 'h'} */ (ago[2])];
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
}

/** @param {string[]} args */
async function bootstrapCommand(args) {
  const name = option(args, '--account');
  if (!name) {
    console.error('bootstrap needs --account "<name>"');
    return 2;
  }
  const email = option(args, '--email');
  const password = option(args, '--password');
  if ((email === undefined) !== (password === undefined)) {
    console.error('bootstrap needs --email and --password together (the first owner, who signs in to the console)');
    return 2;
  }
  const created = await bootstrapAccount(name, email && password ? { email, password } : undefined);
  if (args.includes('--json')) {
    console.log(
      JSON.stringify({
        account_id: created.account_id,
        admin_token: created.admin_token,
        ...(created.owner ? { owner: created.owner } : {}),
      }),
    );
  } else {
    console.log(`account ${created.account_id}\nadmin token (shown once, keep it safe): ${created.admin_token}`);
    if (created.owner) console.log(`owner ${created.owner.email} (${created.owner.id}) signs in at /console`);
  }
  return 0;
}

/** @param {boolean} json */
async function statusCommand(json) {
  const [infra, probes] = await Promise.all([
    infraStatus(),
    Promise.all(SERVICES.map(async (service) => ({ service, probe: await probeReadiness(service) }))),
  ]);
  const services = probes.map(({ service, probe }) => {
    const readModels = /** @type {Record<string, import('../lib/services.mjs').ReadModelState>} */ (
      probe.body?.checks?.read_models?.detail ?? {}
    );
    return {
      name: service.app,
      url: serviceUrl(service),
      management_url: managementUrl(service),
      state: !probe.reachable ? 'down' : probe.ready ? 'ready' : 'not ready',
      version: probe.body?.version ?? null,
      instance: probe.body?.instance ?? null,
      failing_checks: Object.entries(probe.body?.checks ?? {})
        .filter(([, check]) => !check.ready)
        .map(([name]) => name),
      read_models: Object.fromEntries(
        Object.entries(readModels).map(([topic, model]) => [
          topic,
          { entries: model.entries, lag: model.lag, caught_up: model.caught_up },
        ]),
      ),
    };
  });
  const healthy = infra.ok && services.every((service) => service.state === 'ready');
  if (json) {
    console.log(JSON.stringify({ ok: healthy, infrastructure: infra, services }, null, 2));
    return healthy ? 0 : 1;
  }
  console.log('infrastructure');
  for (const name of /** @type {const} */ (['kafka', 'ferretdb'])) {
    const part = infra[name];
    console.log(
      `  ${name.padEnd(10)} ${part.state.padEnd(10)} ${String(part.address).padEnd(18)} ${part.version ?? ''}`,
    );
  }
  console.log('services');
  for (const service of services) {
    const lag = Object.entries(service.read_models)
      .map(([topic, model]) => `${topic} lag ${model.lag}${model.caught_up ? '' : ' (catching up)'}`)
      .join(', ');
    const failing = service.failing_checks.length ? ` failing: ${service.failing_checks.join(', ')}` : '';
    console.log(
      `  ${service.name.padEnd(10)} ${service.state.padEnd(10)} ${service.url.padEnd(24)} ${service.version ?? ''}${failing}`,
    );
    if (lag) console.log(`  ${''.padEnd(10)} read models: ${lag}`);
  }
  return healthy ? 0 : 1;
}

/**
 * A key pair for a deployment: the private half goes into a Secret, the public half into config.
 * @param {string[]} args
 */
function keysCommand(args) {
  if (args[0] !== 'generate') {
    console.error('usage: keys generate [--json]');
    return 2;
  }
  const pair = generateKeyPair();
  if (args.includes('--json')) console.log(JSON.stringify(pair));
  else
    console.log(
      `private (PKCS8, base64 DER; keep secret): ${pair.private}\npublic  (SPKI, base64 DER):               ${pair.public}`,
    );
  return 0;
}

/** @param {string[]} argv */
async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'status':
      return statusCommand(rest.includes('--json'));
    case 'bootstrap':
      return bootstrapCommand(rest);
    case 'events':
      return eventsCommand(rest);
    case 'keys':
      return keysCommand(rest);
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.message);
    process.exit(1);
  },
);
