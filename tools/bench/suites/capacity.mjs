// @ts-check
// Capacity of the embedded store: GET lead, the first list page of a filtered partner token and a
// single POST /leads, with the campaign at each size in turn (1k, 10k, 100k leads; grown in place),
// so an operator can read what the embedded default serves and when to move to MongoDB.
import { load, paced, round } from '../lib/load.mjs';
import { seedLeads } from '../lib/seed.mjs';
import { leadBody, partnerCampaign } from '../lib/world.mjs';

const GET_RATE = 50;
const POST_CONNECTIONS = 4;

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
      errors: get.errors + list.errors + post.errors,
    });
  }
  return {
    title: 'Capacity of the embedded store: one campaign grown to each size, partner token with a filter',
    load: `per size: GET lead at a fixed ${GET_RATE} req/s for ${settings.rateSeconds} s (open loop: one request every ${1000 / GET_RATE} ms, random leads of the partner's slice); first list page (50) one request at a time, up to 5/s, 20 pages (3 when one takes over 2 s); single POST /leads, ${settings.quick ? 40 : 200} leads on ${POST_CONNECTIONS} connections (answered 201; events not awaited). Leads seeded straight into the database, half in the partner's slice, one second apart; the collection also holds the other suites' leads`,
    rows,
  };
}
