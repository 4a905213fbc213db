import { waitFor } from '@leadgate/testing';
import {
  createLead,
  deliveries,
  partnerToken,
  patchLead,
  subscribe,
  TIME_SCALE,
  webhookOf,
  webhooksWorld,
  WebhooksWorld,
} from './webhook-test-setup';

/** The production policy (retry-schedule.ts), scaled as the service under test runs it. */
const BASE_MS = 10_000 * TIME_SCALE;
const CAP_MS = 3_600_000 * TIME_SCALE;
const DAY_MS = 86_400_000 * TIME_SCALE;

/**
 * Failed deliveries (API.md §12): retried on the growing, jittered schedule, in order per lead;
 * 410 disables the subscription at once; an endpoint failing for the whole window is disabled with
 * the reason. The service runs the real schedule on a faster clock (WEBHOOK_RETRY_TIME_SCALE).
 */
describe('webhook retries', () => {
  let world: WebhooksWorld;
  let tokenId: string;

  beforeAll(async () => {
    world = await webhooksWorld();
    tokenId = await partnerToken(world, 'Partner');
  }, 180_000);

  afterAll(async () => {
    await world?.platform.stop();
    await world?.receiver.stop();
  });

  it('retries on the jittered exponential schedule until a 2xx, and holds the lead’s next event back meanwhile', async () => {
    const path = '/flaky';
    const hook = await subscribe(world, tokenId, world.receiver.url(path, [500, 503, 500, 204]));
    const leadId = await createLead(world, { name: 'Flaky Lead' });
    await patchLead(world, leadId, { status: 'won' });
    const job = await waitFor('the delivered job', async () =>
      (await deliveries(world, hook.id)).find(
        (entry) => entry.lead_id === leadId && entry.event_type === 'lead.created' && entry.status === 'delivered',
      ),
    );
    expect(job.history.map((attempt) => attempt.answer_status)).toEqual([500, 503, 500, 204]);
    expect(job.history.map((attempt) => attempt.outcome)).toEqual(['failed', 'failed', 'failed', 'delivered']);
    job.history.slice(0, 3).forEach((attempt, index) => {
      const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** index);
      const delay = Date.parse(attempt.next_retry_at!) - Date.parse(attempt.at);
      expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
      expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
      // The worker kept to the schedule: no retry before its time.
      expect(Date.parse(job.history[index + 1].at)).toBeGreaterThanOrEqual(Date.parse(attempt.next_retry_at!));
    });
    // Every attempt carried the event id; the status change waited for the creation to be delivered.
    const arrivals = world.receiver.events(path).filter((event) => event.subject === leadId);
    await waitFor('the status change', async () =>
      world.receiver.events(path).some((event) => event.subject === leadId && event.type === 'lead.status_changed'),
    );
    const all = world.receiver
      .events(path)
      .filter((event) => event.subject === leadId)
      .map((event) => event.type);
    expect(all).toEqual(['lead.created', 'lead.created', 'lead.created', 'lead.created', 'lead.status_changed']);
    expect(new Set(arrivals.map((event) => event.id)).size).toBe(1);
  });

  it('410 Gone disables the subscription at once; later events are not sent to it', async () => {
    const path = '/gone';
    const hook = await subscribe(world, tokenId, world.receiver.url(path, 410));
    await createLead(world, { name: 'Gone Lead' });
    const disabled = await waitFor('the subscription disabled', async () => {
      const webhook = await webhookOf(world, tokenId, hook.id);
      return webhook['status'] === 'disabled' ? webhook : undefined;
    });
    expect(disabled['disabled_reason']).toBe('gone');
    expect(world.receiver.at(path)).toHaveLength(1);
    await createLead(world, { name: 'After Gone' });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(world.receiver.at(path)).toHaveLength(1);
  });

  it('disables an endpoint that fails for the whole (scaled) day, with the reason', async () => {
    const path = '/down';
    const hook = await subscribe(world, tokenId, world.receiver.url(path, 500));
    const leadId = await createLead(world, { name: 'Down Lead' });
    const disabled = await waitFor(
      'the subscription disabled after a day of failures',
      async () => {
        const webhook = await webhookOf(world, tokenId, hook.id);
        return webhook['status'] === 'disabled' ? webhook : undefined;
      },
      DAY_MS * 3,
      200,
    );
    expect(String(disabled['disabled_reason'])).toBe('failing for 24 h (last attempt: HTTP 500)');
    const job = (await deliveries(world, hook.id)).find((entry) => entry.lead_id === leadId)!;
    expect(job.status).toBe('failed');
    const first = Date.parse(job.history[0].at);
    const last = Date.parse(job.history.at(-1)!.at);
    expect(last - first).toBeGreaterThanOrEqual(DAY_MS);
    expect(job.attempts).toBeGreaterThan(20);
  });
});
