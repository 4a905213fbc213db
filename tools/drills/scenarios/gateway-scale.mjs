// @ts-check
// A gateway replica added and removed under load (issue 19): clients spread requests over the
// gateways in rotation, as a load balancer following readiness does. The new replica reads the
// shared rate-limit counts of the last minute before it is ready; on SIGTERM it leaves rotation,
// drains and sends its last counts. No request may fail, and one token offered twice its limit
// stays within 1.10 x its limit in every window while the replica comes and goes.
import { loadBuilt } from '../../lib/built.mjs';
import { sleep } from '../../bench/lib/cluster.mjs';
import { client, until } from '../../bench/lib/world.mjs';
import { decidedIn } from '../../bench/suites/rate-limit.mjs';
import { requestsServed } from '../lib/served.mjs';

const harness = await loadBuilt('libs/testing/src/index.js');
/** @type {typeof import('../../../apps/gateway/src/rate-limit/shared/shared-window-counts.js')} */
const windows = await loadBuilt('apps/gateway/src/rate-limit/shared/shared-window-counts.js');

export const title = 'A gateway replica added and removed under load';

/** As deploy/k8s and docker-compose run the services: drain before closing. */
const GATEWAY_ENV = { SHUTDOWN_DRAIN_MS: '3000', SHUTDOWN_GRACE_MS: '20000' };
const LIMIT = 300;
/** Twice the limited token's limit, spread evenly. */
const LIMITED_EVERY_MS = 60_000 / (2 * LIMIT);
/**
 * The load runs at least this long. Windows are fixed 60 s per token (ADR 027): a load over 60 s
 * puts more than 30 s of it, i.e. more than LIMIT requests, into one window whatever the token's
 * phase, so the limit is surely reached. A shorter load (a replica that starts fast) could fit
 * under the limit in every window and never see a 429.
 */
const MIN_LOAD_MS = 65_000;

/**
 * @param {{ cluster: import('../../bench/lib/cluster.mjs').Cluster; log: (line: string) => void }} drill
 */
export async function run({ cluster, log }) {
  const platform = await cluster.startPlatform({ docs: false, gateways: 2, gatewayEnv: GATEWAY_ENV });
  const { admin } = await harness.setUpAccount('Drill gateway-scale', {
    identityUrl: platform.identity.url,
    gatewayUrls: platform.gateways.map((gateway) => gateway.url),
    signingKey: cluster.keys.operator.private,
    tokenId: `operator:${cluster.runId}`.slice(0, 64),
  });
  /** @param {string} name @param {number} [limit] */
  const token = async (name, limit) => {
    const created = await admin('POST', '/v1/admin/tokens', {
      name,
      scopes: ['campaigns:read'],
      ...(limit ? { rate_limit_per_minute: limit } : {}),
    });
    return /** @type {{ id: string; token: string }} */ (harness.expectStatus(created, 201, name));
  };
  const busy = await token('Busy');
  const limited = await token('Limited', LIMIT);
  for (const gateway of platform.gateways) {
    for (const { token: secret } of [busy, limited]) {
      const me = client(gateway.url, secret);
      await until(`token at ${gateway.url}`, async () => (await me('GET', '/v1/me')).status === 200);
    }
  }

  /** @type {string[]} */
  const rotation = platform.gateways.map((gateway) => gateway.url);
  let next = 0;
  const pick = () => rotation[next++ % rotation.length];
  /** @type {Record<string, number>} */
  const statuses = {};
  let networkErrors = 0;
  /** Answers that are failures: anything but 200, and for the limited token anything but 200 or 429. */
  let failed = 0;
  /** @type {Map<number, number>} admitted per window of the limited token (0 = the one the load starts in) */
  const admittedIn = new Map();
  const firstStart = Date.now();
  const limitedWindowStart = windows.windowStartOf(windows.phaseOf(limited.id), firstStart);
  let running = true;
  /** @param {string} secret @param {(status: number, headers: Headers) => void} [onAnswer] */
  const call = async (secret, onAnswer) => {
    try {
      const { status, headers } = await client(pick(), secret)('GET', '/v1/me');
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200 && !(status === 429 && secret === limited.token)) failed++;
      onAnswer?.(status, headers);
    } catch {
      networkErrors++;
      failed++;
    }
  };
  // Four closed-loop callers with an unlimited token, and the limited token at 2x its limit.
  const callers = Array.from({ length: 4 }, async () => {
    while (running) await call(busy.token);
  });
  const paced = (async () => {
    /** @type {Promise<void>[]} */
    const pending = [];
    for (let tick = 0; running; tick++) {
      await sleep(firstStart + tick * LIMITED_EVERY_MS - Date.now());
      pending.push(
        call(limited.token, (status, headers) => {
          if (status !== 200) return;
          const window = decidedIn(headers, limitedWindowStart, 0);
          admittedIn.set(window, (admittedIn.get(window) ?? 0) + 1);
        }),
      );
    }
    await Promise.all(pending);
  })();

  await sleep(5000);
  log('adding a third gateway replica');
  const third = await cluster.start('gateway', { env: platform.upstreams });
  rotation.push(third.url);
  await until('the new replica takes traffic', async () => ((await requestsServed(third)) ?? 0) > 200, 30000, 100);
  await sleep(10000);
  const servedByThird = await requestsServed(third);
  log(`removing it after it answered ${servedByThird} requests: out of rotation, then SIGTERM (drain 3 s)`);
  rotation.splice(rotation.indexOf(third.url), 1);
  const exitCode = await third.stop();
  await sleep(Math.max(5000, firstStart + MIN_LOAD_MS - Date.now()));
  running = false;
  await Promise.all([...callers, paced]);

  const mostAdmitted = Math.max(0, ...admittedIn.values());
  return {
    steps: [
      `2 gateways (drain 3 s on SIGTERM), 4 callers of GET /v1/me with an unlimited token and one token limited to ${LIMIT}/min offered at 2x, all spread over the gateways in rotation`,
      `third gateway started, in rotation once ready; answered ${servedByThird} requests; then out of rotation and SIGTERM: exit ${exitCode}`,
      `answers: ${JSON.stringify(statuses)}, ${networkErrors} network errors; the limited token admitted ${JSON.stringify(Object.fromEntries(admittedIn))} per window (partial windows at the ends)`,
    ],
    counts: { statuses, networkErrors, servedByThird, admittedPerWindow: Object.fromEntries(admittedIn) },
    checks: {
      'the added replica took traffic': (servedByThird ?? 0) > 200,
      'no request failed while the replica came and went': failed === 0,
      'the limited token, offered 2x its limit, was refused with 429': (statuses['429'] ?? 0) > 0,
      [`the limited token stayed within 1.10 x ${LIMIT} in every window`]: mostAdmitted <= 1.1 * LIMIT,
      'the removed replica exited cleanly': exitCode === 0,
    },
  };
}
