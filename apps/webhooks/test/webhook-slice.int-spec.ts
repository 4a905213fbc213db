import { bootstrapAdmin, expectStatus, waitFor } from '@leadgate/testing';
import { Webhook } from 'standardwebhooks';
import {
  createLead,
  deliveries,
  partnerToken,
  patchLead,
  subscribe,
  webhooksWorld,
  WebhooksWorld,
} from './webhook-test-setup';

type CloudEvent = { id: string; type: string; subject: string; data: { lead: { fields: Record<string, unknown> } } };

/** Long enough for every event produced before it to have been consumed and decided (they are sub-second). */
const SETTLE_MS = 2000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Webhooks see exactly the token's slice (API.md §12, §13): the lead after the change must match
 * the filter, the lead is projected as the token reads it, every delivery is signed per Standard
 * Webhooks (checked with the `standardwebhooks` library), a test event and a manual retry go out
 * the same way, and a revoked token's webhook stops.
 */
describe('webhook deliveries inside the token slice', () => {
  let world: WebhooksWorld;
  let tokenId: string;
  let hook: { id: string; secret: string };
  const path = '/partner';
  const subjects = (type?: string) =>
    world.receiver
      .events(path)
      .filter((event) => !type || event.type === type)
      .map((event) => event.subject);
  const arrival = (leadId: string, type: string) =>
    waitFor(`${type} of ${leadId} at the receiver`, async () =>
      world.receiver.at(path).find((entry) => {
        const event = JSON.parse(entry.body) as CloudEvent;
        return event.subject === leadId && event.type === type;
      }),
    );

  beforeAll(async () => {
    world = await webhooksWorld();
    tokenId = await partnerToken(world, 'Partner with field access', {
      hidden: ['rooms'],
      masked: ['email'],
      read_only: [],
    });
    hook = await subscribe(world, tokenId, world.receiver.url(path));
  }, 180_000);

  afterAll(async () => {
    await world?.platform.stop();
    await world?.receiver.stop();
  });

  it('sends a lead of the slice as the token reads it, signed per Standard Webhooks', async () => {
    const leadId = await createLead(world, { name: 'Jane Doe', email: 'jane.doe@example.com', rooms: 604918 });
    const arrived = await arrival(leadId, 'lead.created');
    const event = new Webhook(hook.secret).verify(
      arrived.body,
      arrived.headers as Record<string, string>,
    ) as CloudEvent;
    expect(event).toMatchObject({
      type: 'lead.created',
      subject: leadId,
      data: { campaign_id: world.campaignId, lead: { id: leadId } },
    });
    expect(event.data.lead.fields).toEqual({ name: 'Jane Doe', email: 'j***@example.com' });
    expect(arrived.body).not.toMatch(/"rooms"|604918|jane\.doe@/);
    expect(arrived.headers['webhook-id']).toBe(event.id);
    expect(arrived.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(arrived.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(() =>
      new Webhook(hook.secret).verify(arrived.body.replace('Jane', 'John'), arrived.headers as never),
    ).toThrow();
  });

  it('decides on the lead after the change: out of the slice is never sent, moved out is not sent after the move', async () => {
    const outside = await createLead(world, { name: 'Vendor Lead' }, 'VENDOR_NORTH');
    const leaving = await createLead(world, { name: 'Leaving Lead' });
    await arrival(leaving, 'lead.created');
    await patchLead(world, leaving, { select_field_values: { select_partner: 'VENDOR_NORTH' } });
    await patchLead(world, leaving, { status: 'won' });
    await patchLead(world, outside, { select_field_values: { select_partner: 'SELECT_PARTNER' } });
    await arrival(outside, 'lead.updated');
    await settle();
    expect(
      world.receiver
        .events(path)
        .filter((event) => event.subject === leaving)
        .map((event) => event.type),
    ).toEqual(['lead.created']);
    expect(
      world.receiver
        .events(path)
        .filter((event) => event.subject === outside)
        .map((event) => event.type),
    ).toEqual(['lead.updated']);
    // Not queued either: the delivery log holds no job for what the token may not read.
    const jobs = await deliveries(world, hook.id);
    expect(jobs.filter((job) => job.lead_id === leaving).map((job) => job.event_type)).toEqual(['lead.created']);
  });

  it('hides an update that changed only a hidden field', async () => {
    const leadId = await createLead(world, { name: 'Hidden Change', rooms: 3 });
    await arrival(leadId, 'lead.created');
    await patchLead(world, leadId, { fields: { rooms: 4 } });
    await patchLead(world, leadId, { fields: { name: 'Visible Change' } });
    const update = JSON.parse((await arrival(leadId, 'lead.updated')).body) as CloudEvent & {
      data: { changed: string[] };
    };
    expect(update.data.changed).toEqual(['fields.name']);
    expect(subjects('lead.updated').filter((subject) => subject === leadId)).toHaveLength(1);
  });

  it('sends a signed webhook.test event on request', async () => {
    const queued = await world.admin('POST', `/v1/webhooks/${hook.id}/test`);
    expect(queued.status).toBe(202);
    const arrived = await waitFor('the test event', async () =>
      world.receiver.at(path).find((entry) => (JSON.parse(entry.body) as CloudEvent).type === 'webhook.test'),
    );
    const event = new Webhook(hook.secret).verify(
      arrived.body,
      arrived.headers as Record<string, string>,
    ) as CloudEvent;
    expect(event).toMatchObject({ type: 'webhook.test', subject: hook.id, id: queued.body['event_id'] });
  });

  it('sends a delivery again on manual retry, with the same webhook-id', async () => {
    const leadId = await createLead(world, { name: 'Retry Me' });
    const first = await arrival(leadId, 'lead.created');
    const job = await waitFor('the delivered job', async () =>
      (await deliveries(world, hook.id)).find((entry) => entry.lead_id === leadId && entry.status === 'delivered'),
    );
    const retried = await world.admin('POST', `/v1/webhooks/${hook.id}/deliveries/${job.id}/retry`);
    expect(retried.status).toBe(202);
    const again = await waitFor('the retried delivery', async () => {
      const copies = world.receiver
        .at(path)
        .filter((entry) => entry.headers['webhook-id'] === first.headers['webhook-id']);
      return copies.length === 2 ? copies[1] : undefined;
    });
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
    const after = await waitFor('the retried job settled', async () =>
      (await deliveries(world, hook.id)).find(
        (entry) => entry.id === job.id && entry.status === 'delivered' && entry.attempts === 2,
      ),
    );
    expect(after.history.map((attempt) => attempt.answer_status)).toEqual([204, 204]);
    const unknown = await world.admin('POST', `/v1/webhooks/${hook.id}/deliveries/dlv_unknown/retry`);
    expect(unknown.status).toBe(404);
  });

  it('keeps the delivery routes to who may manage the webhook: another account gets 404, a token without the scope 403', async () => {
    const job = (await deliveries(world, hook.id))[0];
    const { admin: stranger } = await bootstrapAdmin(world.platform, 'Other account');
    const routes: [string, string][] = [
      ['GET', `/v1/webhooks/${hook.id}/deliveries`],
      ['POST', `/v1/webhooks/${hook.id}/deliveries/${job.id}/retry`],
      ['POST', `/v1/webhooks/${hook.id}/test`],
    ];
    const sent = world.receiver.at(path).length;
    for (const [method, route] of routes) {
      expect({ route, status: (await stranger(method, route)).status }).toEqual({ route, status: 404 });
      expect({ route, status: (await world.partner(method, route)).status }).toEqual({ route, status: 403 });
    }
    expect((await world.admin('GET', `/v1/webhooks/${hook.id}/deliveries?limit=0`)).status).toBe(400);
    expect((await world.admin('GET', `/v1/webhooks/${hook.id}/deliveries?status[$ne]=x`)).status).toBe(400);
    await settle();
    expect(world.receiver.at(path)).toHaveLength(sent);
  });

  it('stops a revoked token at once: what is queued is cancelled, new events are not stored', async () => {
    const doomed = await partnerToken(world, 'Partner to revoke');
    const down = '/revoked-endpoint';
    const doomedHook = await subscribe(world, doomed, world.receiver.url(down, 500));
    const leadId = await createLead(world, { name: 'Before Revocation' });
    await waitFor('a failed attempt', async () => world.receiver.at(down).length > 0);
    expectStatus(await world.admin('POST', `/v1/admin/tokens/${doomed}/revoke`), 200, 'revoke');
    const cancelled = await waitFor('the queued job cancelled', async () =>
      (await deliveries(world, doomedHook.id)).find((job) => job.lead_id === leadId && job.status === 'cancelled'),
    );
    expect(cancelled.reason).toBe('token_not_live');
    const sent = world.receiver.at(down).length;
    const later = await createLead(world, { name: 'After Revocation' });
    await arrival(later, 'lead.created');
    await settle();
    expect(world.receiver.at(down)).toHaveLength(sent);
    expect((await deliveries(world, doomedHook.id)).some((job) => job.lead_id === later)).toBe(false);
  });
});
