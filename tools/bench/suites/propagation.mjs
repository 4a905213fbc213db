// @ts-check
// 4. Propagation: token revocation and filter change, from the admin call's 2xx to the first
// refusal / first request that sees the new filter, and until every gateway (and so every leads
// replica behind it) agrees. Two gateways and two leads replicas, under background read load.
import { Cluster } from '../lib/cluster.mjs';
import { percentile, round, startLoad } from '../lib/load.mjs';
import { seedLeads } from '../lib/seed.mjs';
import { loadHarness } from '../../lib/built.mjs';
import { campaignToken, client, OTHER_VALUE, PARTNER_VALUE, partnerWorld, until } from '../lib/world.mjs';

const { principalSigner } = await loadHarness();

/** @typedef {import('../lib/cluster.mjs').BenchService} BenchService */
/** @typedef {import('../lib/world.mjs').BenchWorld} BenchWorld */
/**
 * GET /v1/me: the calling token as the platform sees it, which is the principal the gateway signs.
 * @typedef {Omit<import('../../../libs/service-kit/src/internal-auth/principal.js').Principal, 'token_id'> & { id: string }} Me
 */
/** @typedef {{ first: number; all: number }} Sample ms from the change's 2xx to the first and the last observer */

const GATEWAYS = 2;
const LEADS_REPLICAS = 2;

/**
 * Every observer (a gateway, or a leads replica called directly with the signed principal the gateway
 * would send) polls in its own loop until `done(status)`; first = the earliest observer to see the
 * change, everywhere = the last one.
 * @param {(() => Promise<{ status: number }>)[]} observers
 * @param {(status: number) => boolean} done
 * @param {number} acknowledged
 * @returns {Promise<Sample>}
 */
async function observe(observers, done, acknowledged) {
  const seenAt = await Promise.all(
    observers.map(async (request) => {
      while (Date.now() - acknowledged < 30000) if (done((await request()).status)) return Date.now() - acknowledged;
      throw new Error('change did not propagate within 30 s');
    }),
  );
  return { first: Math.min(...seenAt), all: Math.max(...seenAt) };
}

/**
 * Calls a leads replica as the gateway does for this token.
 * @param {Cluster} cluster
 * @param {BenchService} replica
 * @param {Me} me
 * @param {string} path
 */
function direct(cluster, replica, me, path) {
  const principal = {
    token_id: me.id,
    account_id: me.account_id,
    kind: me.kind,
    scopes: me.scopes,
    campaign_id: me.campaign_id,
    filter_id: me.filter_id,
  };
  // Signed per call, as the gateway does: a signature is good for one request only.
  const sign = principalSigner(cluster.keys.gateway.private);
  return () =>
    fetch(`${replica.url}${path}`, { headers: sign('GET', path, undefined, principal) }).then(
      (r) => (r.body?.cancel(), r),
    );
}

/**
 * @param {Cluster} cluster
 * @param {BenchWorld} world
 * @param {number} count
 * @param {string} leadId
 */
async function revocations(cluster, world, count, leadId) {
  const { gateways, leads } = cluster.platform;
  /** @type {Sample[]} */
  const samples = [];
  for (let change = 0; change < count; change++) {
    const token = await campaignToken(world.admin, world.campaignId, world.filterId, `Revoked ${change}`);
    const me = (/** @type {BenchService} */ gateway) => () => client(gateway.url, token.token)('GET', '/v1/me');
    await until('new token at both gateways', async () =>
      (await Promise.all(gateways.map((gateway) => me(gateway)()))).every((answer) => answer.status === 200),
    );
    const identity = /** @type {Me} */ ((await me(gateways[0])()).body);
    const path = `/v1/campaigns/${world.campaignId}/leads/${leadId}`;
    const observers = [...gateways.map(me), ...leads.map((replica) => direct(cluster, replica, identity, path))];
    const revoked = await world.admin('POST', `/v1/admin/tokens/${token.id}/revoke`);
    if (revoked.status >= 300) throw new Error(`revoke answered ${revoked.status}`);
    samples.push(await observe(observers, (status) => status !== 200, Date.now()));
  }
  return samples;
}

/**
 * Flips the partner filter between the two select values; the lead of the new slice must become readable.
 * @param {Cluster} cluster
 * @param {BenchWorld} world
 * @param {number} count
 * @param {Record<string, string>} leadOf a lead id per select value
 */
async function filterChanges(cluster, world, count, leadOf) {
  const identity = /** @type {Me} */ (
    (await client(cluster.platform.gateways[0].url, world.partnerToken.token)('GET', '/v1/me')).body
  );
  /** @type {Sample[]} */
  const samples = [];
  for (let change = 0; change < count; change++) {
    const value = change % 2 === 0 ? OTHER_VALUE : PARTNER_VALUE;
    const path = `/v1/campaigns/${world.campaignId}/leads/${leadOf[value]}`;
    const observers = cluster.platform.leads.map((replica) => direct(cluster, replica, identity, path));
    const changed = await world.admin('PATCH', `/v1/admin/campaigns/${world.campaignId}/filters/${world.filterId}`, {
      condition: { all: [{ select: 'select_partner', op: 'eq', value }] },
    });
    if (changed.status >= 300)
      throw new Error(`filter change answered ${changed.status}: ${JSON.stringify(changed.body)}`);
    samples.push(await observe(observers, (status) => status === 200, Date.now()));
  }
  return samples;
}

/**
 * @param {string} name
 * @param {Sample[]} samples
 * @returns {import('../lib/suite.mjs').Row}
 */
function summarize(name, samples) {
  const first = samples.map((sample) => sample.first);
  const all = samples.map((sample) => sample.all);
  return {
    change: name,
    changes: samples.length,
    'first p50 ms': percentile(first, 50),
    'first p99 ms': percentile(first, 99),
    'first max ms': Math.max(...first),
    'everywhere p50 ms': percentile(all, 50),
    'everywhere p99 ms': percentile(all, 99),
    'everywhere max ms': Math.max(...all),
  };
}

/** @type {import('../lib/suite.mjs').Suite} */
export async function propagation({ settings, log }) {
  const cluster = new Cluster('prop');
  try {
    log(`propagation: platform of ${GATEWAYS} gateways and ${LEADS_REPLICAS} leads replicas`);
    await cluster.startPlatform({ gateways: GATEWAYS, leads: LEADS_REPLICAS, docs: false });
    const world = await partnerWorld(cluster, 'Propagation');
    const { partnerIds, otherIds } = await seedLeads(cluster, world, 2);
    // Background readers use the owner token, which every filter flip leaves untouched.
    const background = cluster.platform.gateways.map(({ url }) =>
      startLoad({
        url: `${url}/v1/campaigns/${world.campaignId}/leads/${partnerIds[0]}`,
        headers: { authorization: `Bearer ${world.adminToken}` },
        connections: 2,
        duration: 3600,
      }),
    );
    /** @type {Sample[]} */
    let revoked;
    /** @type {Sample[]} */
    let filtered;
    /** @type {import('../lib/load.mjs').LoadResult[]} */
    let loadResults;
    try {
      log(`propagation: ${settings.changes} revocations`);
      revoked = await revocations(cluster, world, settings.changes, partnerIds[0]);
      log(`propagation: ${settings.changes} filter changes`);
      filtered = await filterChanges(cluster, world, settings.changes, {
        [PARTNER_VALUE]: partnerIds[0],
        [OTHER_VALUE]: otherIds[0],
      });
    } finally {
      loadResults = await Promise.all(background.map((running) => running.stop()));
    }
    const rps = round(
      loadResults.reduce((sum, result) => sum + result.rps, 0),
      0,
    );
    const errors = loadResults.reduce((sum, result) => sum + result.errors, 0);
    return {
      title: `Propagation: revocation and filter change at ${GATEWAYS} gateways + ${LEADS_REPLICAS} leads replicas, under load`,
      load: `background GET lead at both gateways (2 connections each, ${rps} req/s in total, ${errors} not 200); times from the admin call's 2xx. Revocation: 4 observers poll in parallel (each gateway with the token, each leads replica directly with the token's signed principal) until refused; filter change: each leads replica polled directly until the lead of the new slice is readable. "first" = earliest observer, "everywhere" = last observer`,
      rows: [
        summarize('token revocation -> 401', revoked),
        summarize('filter change -> lead of the new slice readable', filtered),
      ],
      raw: { revocations: revoked, filterChanges: filtered },
    };
  } finally {
    await cluster.stopAll();
    await cluster.dropDatabases().catch(() => {});
  }
}
