// @ts-check
// Webhooks under faults (issue 17): while a partner creates leads and an admin writes leads outside
// the partner's slice, the webhooks service is SIGKILLed and restarted, and the partner's endpoint
// is down for 30 s. Every in-slice event must arrive (at least once, signature verified), none
// outside the slice, none lost.
import { sleep } from '../../bench/lib/cluster.mjs';
import { client, OTHER_VALUE, PARTNER_VALUE, partnerWorld, until } from '../../bench/lib/world.mjs';
import { creatorsOutcome, startCreators } from '../lib/creators.mjs';
import { WebhookReceiver } from '../lib/webhook-receiver.mjs';

export const title = 'Webhooks service SIGKILLed mid-stream, receiver down for 30 s';

const RECEIVER_DOWN_MS = 30_000;
/** A day of retries in about seven minutes, so the drill sees retries after the outage, not their cap. */
const RETRY_TIME_SCALE = '0.005';

/**
 * The ids of every lead a token sees in the campaign, all pages.
 * @returns {Promise<string[]>}
 */
async function allLeadIds(/** @type {ReturnType<typeof client>} */ caller, /** @type {string} */ campaignId) {
  const ids = [];
  for (let cursor = ''; ;) {
    const page = await caller('GET', `/v1/campaigns/${campaignId}/leads?limit=500${cursor}`);
    if (page.status !== 200) throw new Error(`list: ${page.status}`);
    for (const lead of page.body.data ?? []) ids.push(String(/** @type {{ id: string }} */ (lead).id));
    const next = page.body['next_cursor'];
    if (!next) return ids;
    cursor = `&cursor=${encodeURIComponent(String(next))}`;
  }
}

export async function run({ cluster, log, leads = 300, outside = 100, moved = 30, won = 30 }) {
  const platform = await cluster.startPlatform({
    docs: false,
    webhooks: true,
    webhooksEnv: { WEBHOOK_RETRY_TIME_SCALE: RETRY_TIME_SCALE, WEBHOOK_DELIVERY_POLL_MS: '200' },
  });
  const gatewayUrl = platform.gateways[0].url;
  const world = await partnerWorld(cluster, 'Drill webhooks');
  const partner = client(gatewayUrl, world.partnerToken.token);
  const receiver = new WebhookReceiver();
  const url = await receiver.start();
  const subscription = await world.admin('POST', `/v1/admin/tokens/${world.partnerToken.id}/webhooks`, {
    url,
    events: ['lead.created', 'lead.updated', 'lead.status_changed'],
  });
  if (subscription.status !== 201) throw new Error(`subscription: ${JSON.stringify(subscription.body)}`);
  receiver.useSecret(String(subscription.body['secret']));
  const steps = [`subscription ${subscription.body['id']} for the partner token, to ${url}`];

  try {
    const creators = startCreators({
      gatewayUrl,
      token: world.partnerToken.token,
      campaignId: world.campaignId,
      count: leads,
      runId: cluster.runId,
    });
    // The admin's leads outside the partner's slice, written beside the partner's.
    const outsideIds = new Set();
    const admins = (async () => {
      for (let index = 0; index < outside; index++) {
        const made = await world.admin('POST', `/v1/campaigns/${world.campaignId}/leads`, {
          fields: { name: `Outside ${index}`, email: `outside.${index}@example.com`, postcode: '9000' },
          select_field_values: { select_partner: OTHER_VALUE },
        });
        if (made.status === 201) outsideIds.add(String(made.body['id']));
      }
    })();

    await until('a third of the creates delivered', async () => receiver.byId.size >= leads / 3, 180000, 20);
    const victim = platform.webhooks;
    if (!victim) throw new Error('no webhooks service');
    log(`SIGKILL webhooks (pid ${victim.pid}) after ${receiver.byId.size} deliveries`);
    await victim.kill();
    await sleep(500);
    platform.webhooks = await cluster.start('webhooks', {
      port: victim.port,
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_TIME_SCALE: RETRY_TIME_SCALE,
        WEBHOOK_DELIVERY_POLL_MS: '200',
      },
    });
    steps.push(
      `SIGKILL of the only webhooks process after ${receiver.byId.size} deliveries; restarted 500 ms later (ready in ${platform.webhooks.readyMs} ms)`,
    );

    await until('two thirds of the creates delivered', async () => receiver.byId.size >= (2 * leads) / 3, 180000, 20);
    await receiver.stop();
    log(`receiver down for ${RECEIVER_DOWN_MS / 1000} s after ${receiver.byId.size} deliveries`);
    await sleep(RECEIVER_DOWN_MS);
    await receiver.start();
    steps.push(`receiver down (connections refused) for ${RECEIVER_DOWN_MS / 1000} s, back on the same port`);

    await Promise.all([creators.done, admins]);
    const partnerLeads = await allLeadIds(partner, world.campaignId);
    const createdIds = new Set(partnerLeads);
    // Some leave the slice (the admin moves them), some change status inside it (the partner wins them).
    const leaving = partnerLeads.slice(0, moved);
    const winning = partnerLeads.slice(moved, moved + won);
    for (const id of leaving) {
      await world.admin('PATCH', `/v1/campaigns/${world.campaignId}/leads/${id}`, {
        select_field_values: { select_partner: OTHER_VALUE },
      });
    }
    for (const id of winning)
      await partner('PATCH', `/v1/campaigns/${world.campaignId}/leads/${id}`, { status: 'won' });
    steps.push(
      `${leads} leads created by the partner (8 clients), ${outside} by the admin outside the slice; then ${moved} moved out of the slice by the admin and ${won} set to won by the partner`,
    );

    const delivered = (/** @type {string} */ type, /** @type {string} */ id) =>
      receiver.deliveries().some(({ body }) => body.type === type && body.subject === id);
    const missing = () => [
      ...[...createdIds].filter((id) => !delivered('lead.created', id)),
      ...winning.filter((id) => !delivered('lead.status_changed', id)),
    ];
    const waitStart = Date.now();
    await until('every in-slice event delivered', async () => missing().length === 0, 240000, 250).catch(() => {});
    log(`last deliveries ${Date.now() - waitStart} ms after the last write`);
    await sleep(3000); // anything out of the slice that was going to leak has had its chance

    const all = receiver.deliveries();
    const outOfSlice = all.filter(
      ({ body }) =>
        outsideIds.has(String(body.subject)) || body.data?.lead?.select_field_values?.select_partner !== PARTNER_VALUE,
    );
    const creatorChecks = creatorsOutcome(creators.stats, leads);
    return {
      steps,
      counts: {
        delivered: all.length,
        duplicates: receiver.duplicates,
        badSignatures: receiver.badSignatures,
        missing: missing().length,
        outOfSlice: outOfSlice.length,
        outside: outsideIds.size,
        ...creatorChecks.counts,
      },
      checks: {
        ...creatorChecks.checks,
        'every in-slice create and status change delivered at least once': missing().length === 0,
        'nothing outside the slice delivered (admin leads, leads after they left)': outOfSlice.length === 0,
        'every delivery verified with the Standard Webhooks library': receiver.badSignatures === 0,
      },
    };
  } finally {
    await receiver.stop();
  }
}
