// @ts-check
// Capacity of the embedded store: GET lead, the first list page of a filtered partner token, a
// single POST /leads and the batch rate one client sustains, with the campaign at each size in turn
// (1k, 10k, 100k leads; grown in place), so an operator can read what the embedded default serves
// and when to move to MongoDB.
import { errorSummary, load, paced, percentile, round } from '../lib/load.mjs';
import { seedLeads } from '../lib/seed.mjs';
import { leadBody, partnerCampaign } from '../lib/world.mjs';

const GET_RATE = 50;
const POST_CONNECTIONS = 4;
const BATCH = 1000;

const ms = (value) => (value === null || value === undefined ? '' : round(value, 0));

export async function capacity({ cluster, world, settings, log }) {
  const gateway = cluster.platform.gateways[0];
  const { campaignId, partnerToken } = await partnerCampaign({ gateways: [gateway], admin: world.admin }, 'Capacity');
  const campaignWorld = { ...world, campaignId, partnerToken };
  const auth = { authorization: `Bearer ${partnerToken.token}` };
  const leadsUrl = `${gateway.url}/v1/campaigns/${campaignId}/leads`;
  const partnerIds = [];
  let seeded = 0;
  let posted = 0;
  const rows = [];
  for (const size of settings.capacitySizes) {
    log(`capacity: growing the campaign to ${size} leads`);
    const missing = Math.max(0, size - seeded - posted);
    const grown = await seedLeads(cluster, campaignWorld, missing, { from: seeded });
    seeded += missing;
    partnerIds.push(...grown.partnerIds);
    if (settings.storeIndexes) await cluster.ensureStoreIndexes();
    await cluster.settleStore();

    log(`capacity: ${size} leads, GET lead at ${GET_RATE}/s`);
    const amount = GET_RATE * settings.rateSeconds;
    // Open loop, one request every 1/50 s (as bench:outside): autocannon's overallRate spreads the
    // rate over its connections, which then fire together, 16 at once every 320 ms.
    const get = await paced({
      url: gateway.url,
      headers: auth,
      rate: GET_RATE,
      amount,
      paths: Array.from(
        { length: amount },
        () => `/v1/campaigns/${campaignId}/leads/${partnerIds[Math.floor(Math.random() * partnerIds.length)]}`,
      ),
    });

    log(`capacity: ${size} leads, first list page`);
    const probe = await paced({ url: leadsUrl, paths: ['?limit=50'], headers: auth, rate: 1, amount: 1 });
    // One page at a time; fewer of them when one takes seconds (the gateway gives up at 15 s).
    const pages = probe.p50 > 2000 ? 3 : settings.quick ? 5 : 20;
    const list = await paced({
      url: leadsUrl,
      paths: ['?limit=50'],
      headers: auth,
      rate: Math.min(5, 1000 / Math.max(1, probe.p50 * 1.5)),
      amount: pages,
    });

    log(`capacity: ${size} leads, single POST /leads`);
    const posts = settings.quick ? 40 : 200;
    let index = seeded + posted;
    const post = await load({
      url: leadsUrl,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(leadBody(index++)) }) }],
      connections: POST_CONNECTIONS,
      amount: posts,
      expect: 201,
    });
    posted += post.ok;

    log(`capacity: ${size} leads, batches of ${BATCH} one after another`);
    const batches = await batchesBackToBack(leadsUrl, auth, settings.quick ? 1 : 10, seeded + posted);
    posted += batches.created;

    rows.push({
      'campaign leads': size.toLocaleString('en'),
      [`GET lead at ${GET_RATE}/s p50 ms`]: ms(get.p50),
      'GET lead p99 ms': ms(get.p99),
      'list page p50 ms': ms(list.p50),
      'list page p99 ms': ms(list.p99),
      'list pages': list.total,
      'POST leads/s': round(post.rps, 0),
      'POST p50 ms': ms(post.p50),
      'POST p99 ms': ms(post.p99),
      'batch leads/s': round(batches.leadsPerSecond, 0),
      'batch p50 ms': ms(batches.p50),
      errors: errorSummary(get.wrongStatuses, list.wrongStatuses, post.wrongStatuses, batches.wrongStatuses),
    });
  }
  return {
    title: 'Capacity of the embedded store: one campaign grown to each size, partner token with a filter',
    load: `per size: GET lead at a fixed ${GET_RATE} req/s for ${settings.rateSeconds} s (open loop: one request every ${1000 / GET_RATE} ms, random leads of the partner's slice); first list page (50) one request at a time, up to 5/s, 20 pages (3 when one takes over 2 s); single POST /leads, ${settings.quick ? 40 : 200} leads on ${POST_CONNECTIONS} connections (answered 201; events not awaited); then batches of ${BATCH} from one client, one after another (${settings.quick ? 1 : 10} batches; leads/s created, the sustainable batch rate; the next size starts from there). Leads seeded straight into the database, half in the partner's slice, one second apart; the collection also holds the other suites' leads`,
    rows,
  };
}

/**
 * One client posting batches one after another: the rate a partner loading a backlog sustains
 * (answered 200 with every item created; anything else counts as an error).
 */
async function batchesBackToBack(leadsUrl, auth, batches, firstIndex) {
  const took = [];
  let created = 0;
  /** @type {Record<string, number>} */
  const wrongStatuses = {};
  const started = Date.now();
  for (let batch = 0; batch < batches; batch++) {
    const from = firstIndex + batch * BATCH;
    const body = { leads: Array.from({ length: BATCH }, (_, index) => leadBody(from + index)) };
    const sent = Date.now();
    const response = await fetch(`${leadsUrl}/batch`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = /** @type {{ created?: number }} */ (await response.json().catch(() => ({})));
    took.push(Date.now() - sent);
    if (response.status === 200 && answer.created === BATCH) created += BATCH;
    else {
      const what = response.status === 200 ? `200 with ${answer.created ?? 0} created` : String(response.status);
      wrongStatuses[what] = (wrongStatuses[what] ?? 0) + 1;
    }
  }
  return {
    created,
    wrongStatuses,
    leadsPerSecond: (created * 1000) / (Date.now() - started),
    p50: percentile(took, 50),
  };
}
