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
import { client, leadBody, until } from '../lib/world.mjs';

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
    const reference = row('bare consume + sign + POST (reference)', bareReceiver);
    const platform = row('webhooks service (slice, projection, durable queue)', platformReceiver, reference.perSecond);
    const rows = [reference, platform].map(({ perSecond: _dropped, ...cells }) => cells);
    return {
      title: 'Webhooks: lead created → delivery verified at the endpoint',
      load: `a burst of ${burst} leads (batch POSTs of 500, stored in ${round((burstStored - burstStart) / 1000)} s), then ${paced} single POSTs at ${rate}/s; one subscription; both senders fed by the same creates`,
      rows,
    };
  } finally {
    await bare.stop();
    await platformReceiver.stop();
    await bareReceiver.stop();
  }
}
