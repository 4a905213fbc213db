// @ts-check
// Webhooks (issue 17): leads created through the gateway until each one's lead.created has reached a
// loopback endpoint and its signature verified, through the platform (slice check, projection,
// durable queue, signing) and through a bare sender of the same events (references/bare-webhook.mjs),
// both fed by the same creates in the same run. A burst gives deliveries/s; a fixed rate gives the
// latency from the event's time to its verified arrival.
import { randomBytes } from 'node:crypto';
import { WebhookReceiver } from '../../drills/lib/webhook-receiver.mjs';
import { startBareWebhookSender } from '../references/bare-webhook.mjs';
import { percentile, ratio, round } from '../lib/load.mjs';
import { campaignToken, client, leadBody, PARTNER_VALUE, until } from '../lib/world.mjs';

/**
 * @param {WebhookReceiver} receiver
 * @param {Set<string>} ids the leads of one phase
 */
function arrivals(receiver, ids) {
  return receiver
    .deliveries()
    .filter(({ body }) => body.type === 'lead.created' && ids.has(String(body.subject)))
    .map(({ body, receivedAt }) => ({ receivedAt, latencyMs: receivedAt - Date.parse(body.time) }));
}

/**
 * Revocation under load (API.md §12: a revoked token's subscriptions stop at once): the admin writes
 * leads into a second partner token's slice at `rate`/s; halfway the token is revoked. Answers the
 * time from the revocation's answer to the last delivery that arrived, and how many leads created
 * after that answer were still delivered (must be none).
 * @param {import('../lib/suite.mjs').SuiteContext['world']} world
 * @param {{ rate: number; seconds: number }} load
 */
async function revocationStop(world, { rate, seconds }) {
  const token = await campaignToken(world.admin, world.campaignId, world.filterId, 'Bench webhooks revoked');
  const receiver = new WebhookReceiver();
  const subscription = await world.admin('POST', `/v1/admin/tokens/${token.id}/webhooks`, {
    url: await receiver.start(),
    events: ['lead.created'],
  });
  if (subscription.status !== 201) throw new Error(`subscription: ${JSON.stringify(subscription.body)}`);
  receiver.useSecret(String(subscription.body['secret']));
  let revokedAt = Infinity;
  /** @type {Map<string, number>} lead id -> when its create was answered */
  const createdAt = new Map();
  const total = rate * seconds;
  try {
    await Promise.all([
      ...Array.from({ length: total }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, (index * 1000) / rate));
        // Inside the token's filter: the admin fills in the value the partner's writes get pinned.
        const body = { ...leadBody(index), select_field_values: { select_partner: PARTNER_VALUE } };
        const answer = await world.admin('POST', `/v1/campaigns/${world.campaignId}/leads`, body);
        if (answer.status === 201) createdAt.set(String(answer.body['id']), Date.now());
      }),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
        const revoked = await world.admin('POST', `/v1/admin/tokens/${token.id}/revoke`);
        if (revoked.status !== 200) throw new Error(`revoke: ${revoked.status}`);
        revokedAt = Date.now();
      })(),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const arrived = receiver.deliveries().map(({ body, receivedAt }) => ({ id: String(body.subject), receivedAt }));
    const last = Math.max(...arrived.map((arrival) => arrival.receivedAt));
    return {
      stopMs: last > revokedAt ? last - revokedAt : 0,
      leakedAfter: arrived.filter(({ id }) => (createdAt.get(id) ?? 0) > revokedAt).length,
      delivered: arrived.length,
      total,
    };
  } finally {
    await receiver.stop();
  }
}

/** @param {import('../lib/suite.mjs').SuiteContext} context */
export async function webhooks({ cluster, world, settings, log }) {
  const partner = client(cluster.platform.gateways[0].url, world.partnerToken.token);
  const leads = `/v1/campaigns/${world.campaignId}/leads`;
  const platformReceiver = new WebhookReceiver();
  const bareReceiver = new WebhookReceiver();
  const subscription = await world.admin('POST', `/v1/admin/tokens/${world.partnerToken.id}/webhooks`, {
    url: await platformReceiver.start(),
    events: ['lead.created'],
  });
  if (subscription.status !== 201) throw new Error(`subscription: ${JSON.stringify(subscription.body)}`);
  platformReceiver.useSecret(String(subscription.body['secret']));
  const bareSecret = `whsec_${randomBytes(32).toString('base64')}`;
  bareReceiver.useSecret(bareSecret);
  const bare = await startBareWebhookSender({
    brokers: cluster.infra.KAFKA_BROKERS,
    campaignId: world.campaignId,
    url: await bareReceiver.start(),
    secret: bareSecret,
  });
  const burst = settings.quick ? 300 : 3000;
  const rate = settings.quick ? 10 : 20;
  const paced = rate * settings.rateSeconds;
  try {
    log(`webhooks: burst of ${burst} leads (batches of 500)`);
    const burstIds = new Set();
    const burstStart = Date.now();
    for (let made = 0; made < burst; made += 500) {
      const items = Array.from({ length: Math.min(500, burst - made) }, (_, index) => leadBody(made + index));
      const answer = await partner('POST', `${leads}/batch`, { leads: items });
      for (const result of /** @type {{ lead?: { id: string } }[]} */ (answer.body['results'] ?? []))
        if (result.lead) burstIds.add(result.lead.id);
    }
    const burstStored = Date.now();
    await until(
      'every burst lead delivered by both',
      async () =>
        arrivals(platformReceiver, burstIds).length >= burstIds.size &&
        arrivals(bareReceiver, burstIds).length >= burstIds.size,
      300000,
      50,
    ).catch(() => {});

    log(`webhooks: ${paced} leads at ${rate}/s`);
    const pacedIds = new Set();
    await Promise.all(
      Array.from({ length: paced }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, (index * 1000) / rate));
        const answer = await partner('POST', leads, leadBody(burst + index));
        if (answer.status === 201) pacedIds.add(String(answer.body['id']));
      }),
    );
    await until(
      'every paced lead delivered by both',
      async () =>
        arrivals(platformReceiver, pacedIds).length >= pacedIds.size &&
        arrivals(bareReceiver, pacedIds).length >= pacedIds.size,
      120000,
      50,
    ).catch(() => {});

    const row = (
      /** @type {string} */ name,
      /** @type {WebhookReceiver} */ receiver,
      /** @type {number | null} */ reference = null,
    ) => {
      const burstArrivals = arrivals(receiver, burstIds);
      const last = Math.max(...burstArrivals.map((arrival) => arrival.receivedAt));
      const perSecond = burstArrivals.length / ((last - burstStart) / 1000);
      const latencies = arrivals(receiver, pacedIds).map((arrival) => arrival.latencyMs);
      return {
        case: name,
        'burst delivered': `${burstArrivals.length}/${burstIds.size}`,
        'deliveries/s (create → verified)': round(perSecond),
        'vs reference': reference ? ratio(perSecond, reference) : null,
        [`paced delivered (${rate}/s)`]: `${latencies.length}/${pacedIds.size}`,
        'latency p50 ms': round(percentile(latencies, 50) ?? NaN),
        'latency p99 ms': round(percentile(latencies, 99) ?? NaN),
        duplicates: receiver.duplicates,
        'bad signatures': receiver.badSignatures,
        errors: burstArrivals.length < burstIds.size || latencies.length < pacedIds.size ? 1 : 0,
        perSecond,
      };
    };
    log(`webhooks: revocation while leads arrive at ${rate}/s`);
    const stop = await revocationStop(world, { rate, seconds: settings.quick ? 4 : 10 });
    const reference = row('bare consume + sign + POST (reference)', bareReceiver);
    const platform = row('webhooks service (slice, projection, durable queue)', platformReceiver, reference.perSecond);
    // A lead delivered after its token's revocation was answered is a failure of the run, not a number.
    if (stop.leakedAfter > 0) platform.errors = 1;
    const rows = [reference, platform].map(({ perSecond: _dropped, ...cells }) => cells);
    return {
      title: 'Webhooks: lead created → delivery verified at the endpoint',
      load: `a burst of ${burst} leads (batch POSTs of 500, stored in ${round((burstStored - burstStart) / 1000)} s), then ${paced} single POSTs at ${rate}/s; one subscription; both senders fed by the same creates`,
      rows,
      notes: [
        `Revocation under load: ${stop.total} leads written into a second token's slice at ${rate}/s, the token revoked halfway; the last delivery arrived ${stop.stopMs} ms after the revocation was answered, ${stop.leakedAfter} leads created after it were delivered (${stop.delivered} delivered in all).`,
      ],
    };
  } finally {
    await bare.stop();
    await platformReceiver.stop();
    await bareReceiver.stop();
  }
}
