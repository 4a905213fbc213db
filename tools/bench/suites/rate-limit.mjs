// @ts-check
// 9. Global rate limits (issue 19, ADR 027): three gateway replicas share one token's budget over
// gateway.rate-usage.v1. Twice the token's limit is offered per window, spread evenly over the
// replicas in rotation; a fourth replica is added during the first window and one is removed
// during the last. Reported per window of the token: admitted / limit.
import { loadBuilt } from '../../lib/built.mjs';
import { Cluster, sleep } from '../lib/cluster.mjs';
import { round } from '../lib/load.mjs';
import { client, until } from '../lib/world.mjs';

/** @type {typeof import('../../../apps/gateway/src/rate-limit/shared/shared-window-counts.js')} */
const windows = await loadBuilt('apps/gateway/src/rate-limit/shared/shared-window-counts.js');
const harness = await loadBuilt('libs/testing/src/index.js');

const GATEWAYS = 3;

/**
 * @typedef {{ window: number; replica: number; status: number }} Answer window: the token's window the gateway decided in
 * @typedef {{ at: number; what: string }} Change a replica added or removed, ms into the run
 */

/** @type {import('../lib/suite.mjs').Suite} */
export async function rateLimit({ settings, log }) {
  const limit = settings.quick ? 60 : 600;
  const windowCount = settings.quick ? 1 : 2;
  // Full run: 2x the limit spread over each whole window. Quick (CI): the same 2x within 12 s, then
  // the window's count is final (nothing more is offered in it).
  const offerMs = settings.quick ? 12_000 : windows.WINDOW_MS;
  const cluster = new Cluster('ratelimit');
  try {
    log(`ratelimit: platform of ${GATEWAYS} gateways`);
    await cluster.startPlatform({ gateways: GATEWAYS, leads: 1, docs: false });
    const gateways = [...cluster.platform.gateways];
    const { admin } = await harness.setUpAccount('Rate limits', {
      identityUrl: cluster.platform.identity.url,
      gatewayUrls: gateways.map((gateway) => gateway.url),
      signingKey: cluster.keys.operator.private,
      tokenId: `operator:${cluster.runId}`.slice(0, 64),
    });
    // Windows start at a moment of the minute that depends on the token: of a few tokens, take the
    // one whose next window starts soonest, so the run measures whole windows without idling.
    /** @type {{ id: string; token: string }[]} */
    const tokens = [];
    for (let index = 0; index < 6; index++) {
      const created = await admin('POST', '/v1/admin/tokens', {
        name: `Rate ${index}`,
        scopes: ['campaigns:read'],
        rate_limit_per_minute: limit,
      });
      tokens.push(/** @type {{ id: string; token: string }} */ (harness.expectStatus(created, 201, 'token')));
    }
    for (const gateway of gateways) {
      for (const token of tokens) {
        const me = client(gateway.url, token.token);
        await until(`token at ${gateway.url}`, async () => (await me('GET', '/v1/me')).status === 200);
      }
    }
    const nextStart = (/** @type {string} */ id) =>
      windows.windowStartOf(windows.phaseOf(id), Date.now() + 1000) + windows.WINDOW_MS;
    const token = tokens.reduce((best, candidate) => (nextStart(candidate.id) < nextStart(best.id) ? candidate : best));
    const firstStart = nextStart(token.id);
    /** @type {{ url: string; stop?: () => Promise<unknown> }[]} */
    const rotation = gateways.map((gateway) => ({ url: gateway.url }));
    /** @type {Answer[]} */
    const answers = [];
    /** @type {Change[]} */
    const changes = [];
    const offerEvery = offerMs / (2 * limit);
    log(`ratelimit: limit ${limit}/min, 2x offered over ${offerMs / 1000} s of each of ${windowCount} windows`);
    await sleep(firstStart - Date.now());

    // The fourth replica: started a quarter into the first window's offering, in rotation once ready.
    const added = (async () => {
      await sleep(firstStart + offerMs / 4 - Date.now());
      changes.push({ at: Date.now() - firstStart, what: 'replica 4 starting' });
      const replica = await cluster.start('gateway', { env: cluster.platform.upstreams });
      rotation.push({ url: replica.url, stop: () => replica.stop() });
      changes.push({ at: Date.now() - firstStart, what: 'replica 4 ready, in rotation' });
    })();
    /** @type {Promise<void>[]} */
    const pending = [];
    let removed = false;
    for (let window = 0; window < windowCount; window++) {
      const start = firstStart + window * windows.WINDOW_MS;
      for (let tick = 0; tick < 2 * limit; tick++) {
        const due = start + tick * offerEvery;
        await sleep(due - Date.now());
        // A replica leaves a quarter into the last window (gracefully: its last counts go out first).
        if (!removed && window === windowCount - 1 && due >= start + offerMs / 4 && rotation.length > GATEWAYS) {
          removed = true;
          const leaving = /** @type {{ url: string; stop: () => Promise<unknown> }} */ (rotation.pop());
          changes.push({ at: Date.now() - firstStart, what: 'replica 4 out of rotation, stopping' });
          pending.push(
            leaving.stop().then(() => void changes.push({ at: Date.now() - firstStart, what: 'replica 4 stopped' })),
          );
        }
        const replica = tick % rotation.length;
        pending.push(
          client(rotation[replica].url, token.token)('GET', '/v1/me').then(
            ({ status, headers }) =>
              void answers.push({ window: decidedIn(headers, firstStart, window), replica, status }),
            () => void answers.push({ window, replica, status: 0 }),
          ),
        );
      }
      // The window's count is final once its offering is over; the next starts at its own time.
      if (window < windowCount - 1) await sleep(start + windows.WINDOW_MS - Date.now());
    }
    await Promise.all(pending);
    await added;

    const last = Math.max(windowCount - 1, ...answers.map((answer) => answer.window));
    const rows = Array.from({ length: last + 1 }, (_, window) => {
      const of = answers.filter((answer) => answer.window === window);
      const admitted = of.filter((answer) => answer.status === 200).length;
      const replicas = new Set(of.map((answer) => answer.replica)).size;
      return {
        case: window < windowCount ? `window ${window + 1}` : `window ${window + 1} (answers that reached it late)`,
        'replicas answering': replicas,
        limit,
        offered: of.length,
        admitted,
        'admitted / limit': round(admitted / limit, 3),
        'by replica 4': of.filter((answer) => answer.replica === 3 && answer.status === 200).length,
        'refused (429)': of.filter((answer) => answer.status === 429).length,
        errors: of.filter((answer) => answer.status !== 200 && answer.status !== 429).length,
      };
    });
    return {
      title: `Global rate limits: one token, ${GATEWAYS} gateway replicas (+1 added, then removed), 2x its limit offered per window`,
      load:
        `GET /v1/me with a token limited to ${limit}/min; ${2 * limit} requests per 60 s window of the token, one every ` +
        `${round(offerEvery, 0)} ms over ${offerMs / 1000} s, to the replicas in rotation; RATE_LIMIT_SHARE_MS 50 (default). ` +
        `Changes (ms into the run): ${changes.map((change) => `${change.what} at ${change.at}`).join('; ')}`,
      rows,
      notes: [
        'Each answer is counted in the window the gateway decided it in (from its RateLimit-Reset), not the one it was sent in.',
      ],
      raw: { limit, offerMs, changes, answers: answers.length },
    };
  } finally {
    await cluster.stopAll();
    await cluster.dropDatabases().catch(() => {});
  }
}

/**
 * The token's window (0 = the first measured) that the gateway counted a request in, from the
 * answer's RateLimit-Reset (seconds to that window's end): on a loaded machine a request sent just
 * before a window ends is often decided after it, in the next window's budget.
 * @param {Headers} headers
 * @param {number} firstStart
 * @param {number} sentIn the window the request was sent in, when the answer has no header
 */
export function decidedIn(headers, firstStart, sentIn) {
  const reset = Number(headers.get('ratelimit-reset'));
  if (!Number.isFinite(reset) || headers.get('ratelimit-reset') === null) return sentIn;
  const windowEnd = Date.now() + reset * 1000;
  return Math.round((windowEnd - firstStart) / windows.WINDOW_MS) - 1;
}
