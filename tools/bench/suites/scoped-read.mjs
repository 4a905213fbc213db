// @ts-check
// 2. End-to-end scoped read: GET lead and a filtered list page (50) through gateway -> leads ->
// database, vs the same queries made with the MongoDB driver by a bare Node server. Maximum
// throughput at fixed concurrency first; then both at the same fixed rate (half the slower
// maximum), where p50/p99 compare like with like.
import { seedLeads, seedOtherCampaigns } from '../lib/seed.mjs';
import { load, paced, ratio, round } from '../lib/load.mjs';
import { startReference } from '../lib/reference.mjs';
import { PARTNER_VALUE } from '../lib/world.mjs';
import { summary } from './edge.mjs';

/**
 * A max-throughput run long enough to mean something: by duration when requests are fast, by
 * count when one takes long. A request that takes seconds alone (FerretDB scans the campaign for a
 * list page) is measured one at a time: queued behind others it would outlast the gateway's
 * 15 s upstream deadline, and the run would measure 504s.
 */
function sized(latencyMs, settings) {
  const perConnection = (settings.loadSeconds * 1000) / Math.max(1, latencyMs);
  if (perConnection >= 20) return { connections: settings.connections, duration: settings.loadSeconds };
  const connections = latencyMs > 2000 ? 1 : Math.min(settings.connections, 4);
  return { connections, amount: Math.max(3 * connections, Math.round(perConnection * 2)) };
}

/** autocannon options that ask for `side.path()` on every request. */
function autocannonTarget(side) {
  const target = {
    url: side.base,
    headers: side.headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: side.path() }) }],
  };
  // Kept out of the spread options autocannon sees; the pacer needs it.
  return Object.defineProperty(target, 'side', { value: side, enumerable: false });
}

/** autocannon for rates of 1/s and more; below that, an open-loop pacer (FerretDB list pages take seconds). */
function atFixedRate(target, rate, amount, connections) {
  if (rate >= 1) return load({ ...target, connections, overallRate: Math.floor(rate), amount });
  const { base, headers = {}, path } = target.side;
  return paced({ url: base, headers, rate, amount, paths: Array.from({ length: amount }, path) });
}

const randomOf = (ids) => ids[Math.floor(Math.random() * ids.length)];

export async function scopedRead({ cluster, world, settings, log }) {
  const gateway = cluster.platform.gateways[0];
  log(`read: seeding ${settings.leads} leads (half in the partner's slice)`);
  const seedStarted = Date.now();
  const { partnerIds } = await seedLeads(cluster, world, settings.leads);
  const others = Math.max(0, settings.collectionLeads - settings.leads);
  if (others > 0) log(`read: seeding ${others} leads of other campaigns into the same collection`);
  await seedOtherCampaigns(cluster, world, others, settings.leads);
  if (settings.storeIndexes) await cluster.ensureStoreIndexes();
  await cluster.settleStore();
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const reference = await startReference('driver-read', {
    MONGO_URL: cluster.infra.MONGO_URL,
    LEADS_DATABASE: cluster.database('leads'),
    CAMPAIGN_ID: world.campaignId,
    SELECT_KEY: 'select_partner',
    SELECT_VALUE: PARTNER_VALUE,
  });
  const auth = { authorization: `Bearer ${world.partnerToken.token}` };
  // Each side: a base URL, headers, and the path of the next request.
  const cases = [
    {
      name: 'GET lead',
      platform: {
        base: gateway.url,
        headers: auth,
        path: () => `/v1/campaigns/${world.campaignId}/leads/${randomOf(partnerIds)}`,
      },
      reference: { base: reference.url, path: () => `/lead/${randomOf(partnerIds)}` },
    },
    {
      name: 'list page (50)',
      platform: { base: gateway.url, headers: auth, path: () => `/v1/campaigns/${world.campaignId}/leads?limit=50` },
      reference: { base: reference.url, path: () => '/list' },
    },
  ];
  const rows = [];
  const raw = {};
  try {
    for (const { name, platform: platformSide, reference: directSide } of cases) {
      const platform = autocannonTarget(platformSide);
      const direct = autocannonTarget(directSide);
      log(`read: ${name}, warm-up and a latency probe`);
      const probe = await load({ ...direct, connections: 1, amount: 2 });
      const platformProbe = await load({ ...platform, connections: 1, amount: 2 });
      // A probe that failed or timed out has no latency to go by: size for the slowest case.
      const latency = (result) => (result.ok < result.total ? 30000 : result.p50);
      const concurrency = sized(Math.max(latency(probe), latency(platformProbe)), settings);
      log(`read: ${name}, max throughput at ${concurrency.connections} connections`);
      const directMax = await load({ ...direct, ...concurrency });
      const platformMax = await load({ ...platform, ...concurrency });
      // Half the slower side's maximum; a side that answered nothing at all leaves the other's.
      const rate = Math.min(...[directMax.rps, platformMax.rps].filter((rps) => rps > 0), Infinity) / 2;
      if (!Number.isFinite(rate)) throw new Error(`read: ${name} got no answer on either side`);
      const amount = Math.max(3, Math.round(rate * settings.rateSeconds));
      log(`read: ${name}, fixed rate ${round(rate, 3)}/s, ${amount} requests each`);
      const directFixed = await atFixedRate(direct, rate, amount, settings.connections);
      const platformFixed = await atFixedRate(platform, rate, amount, settings.connections);
      raw[name] = { directMax, platformMax, directFixed, platformFixed, rate };
      rows.push(
        { case: `${name}: driver + node:http (reference), max`, ...summary(directMax) },
        {
          case: `${name}: platform, max`,
          ...summary(platformMax),
          vs_reference: `${ratio(platformMax.rps, directMax.rps)}x req/s`,
        },
        { case: `${name}: reference at ${round(rate, 3)}/s`, ...summary(directFixed) },
        {
          case: `${name}: platform at ${round(rate, 3)}/s`,
          ...summary(platformFixed),
          vs_reference: `p50 +${round(platformFixed.p50 - directFixed.p50, 1)} ms, p99 ${ratio(platformFixed.p99, directFixed.p99)}x`,
        },
      );
    }
  } finally {
    await reference.stop();
  }
  return {
    title: `End-to-end scoped read: ${settings.leads.toLocaleString('en')}-lead campaign (${Math.max(settings.leads, settings.collectionLeads).toLocaleString('en')} in the collection), partner token with a filter`,
    load: `autocannon; max = ${settings.connections} connections for ${settings.loadSeconds} s (a count of requests on 4 connections when one takes over ${settings.loadSeconds * 50} ms, on 1 connection when over 2 s); fixed rate = half the slower max (autocannon at 1/s and more, an open-loop pacer below); leads seeded straight into the database in ${round(seedSeconds, 1)} s (${settings.storeIndexes ? 'with' : 'without'} the store's containment indexes, tools/infra)`,
    rows,
    raw,
  };
}
