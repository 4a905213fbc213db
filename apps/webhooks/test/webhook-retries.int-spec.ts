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

  it('retries on the jittered exponential schedule until a 2xx, with the same event id each time', async () => {
    const path = '/flaky';
    const hook = await subscribe(world, tokenId, world.receiver.url(path, [500, 503, 500, 204]));
    const leadId = await createLead(world, { name: 'Flaky Lead' });
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
    const arrivals = world.receiver.at(path).filter((entry) => entry.body.includes(leadId));
    expect(arrivals).toHaveLength(4);
    expect(new Set(arrivals.map((entry) => entry.headers['webhook-id']))).toEqual(new Set([job.event_id]));
    // Signed per attempt: each attempt has its own timestamp header, the body stays the same.
    expect(new Set(arrivals.map((entry) => entry.body)).size).toBe(1);
  });

  it('keeps each lead in order: its next event waits while an earlier one is being retried', async () => {
    const path = '/ordered';
    let answer = 503;
    const hook = await subscribe(
      world,
      tokenId,
      world.receiver.url(path, () => answer),
    );
    const leadId = await createLead(world, { name: 'Ordered Lead' });
    await patchLead(world, leadId, { status: 'won' });
    const ofLead = async () => (await deliveries(world, hook.id)).filter((job) => job.lead_id === leadId);
    await waitFor('the status change queued behind the failing creation', async () => {
      const jobs = await ofLead();
      const created = jobs.find((job) => job.event_type === 'lead.created');
      const changed = jobs.find((job) => job.event_type === 'lead.status_changed');
      return created && created.attempts >= 3 && changed ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const waiting = (await ofLead()).find((job) => job.event_type === 'lead.status_changed')!;
    expect({ status: waiting.status, attempts: waiting.attempts }).toEqual({ status: 'pending', attempts: 0 });
    expect(world.receiver.events(path).some((event) => event.type === 'lead.status_changed')).toBe(false);
    answer = 204;
    await waitFor('the status change delivered', async () =>
      world.receiver.events(path).some((event) => event.subject === leadId && event.type === 'lead.status_changed'),
    );
    const types = world.receiver
      .events(path)
      .filter((event) => event.subject === leadId)
      .map((event) => event.type);
    expect(types.at(-2)).toBe('lead.created');
    expect(types.at(-1)).toBe('lead.status_changed');
    expect(types.indexOf('lead.status_changed')).toBe(types.length - 1);
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

  it('holds at most 4 deliveries in flight to an endpoint, and gives up on an answer after 10 s', async () => {
    const path = '/hangs';
    const hook = await subscribe(world, tokenId, world.receiver.url(path, 0));
    const leadIds = await Promise.all(
      Array.from({ length: 6 }, (_, index) => createLead(world, { name: `Slow Lead ${index}` })),
    );
    await waitFor('four requests open', async () => world.receiver.at(path).length === 4);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(world.receiver.at(path)).toHaveLength(4);
    const timedOut = await waitFor(
      'the first attempts timed out',
      async () => {
        const jobs = (await deliveries(world, hook.id)).filter((job) => job.attempts > 0);
        return jobs.length >= 4 ? jobs : undefined;
      },
      20_000,
      200,
    );
    for (const job of timedOut) {
      expect(job.history[0]).toMatchObject({ outcome: 'timeout', answer_status: null });
      expect(job.history[0].latency_ms).toBeGreaterThanOrEqual(10_000);
      expect(job.history[0].latency_ms).toBeLessThan(12_000);
    }
    // Freed slots go to the two that waited.
    await waitFor('the other two sent', async () =>
      leadIds.every((leadId) => world.receiver.at(path).some((entry) => entry.body.includes(leadId))),
    );
  }, 60_000);
});
