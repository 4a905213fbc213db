import { ProblemException } from '@leadgate/service-kit/errors/problem';
import { Bulkhead, SHED_HEADER } from './bulkhead';

const limits = { concurrency: 2, queue: 2, maxWaitMs: 60_000 };
const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'entered',
    (problem: ProblemException) => problem.getStatus(),
  );

describe('Bulkhead', () => {
  it('serves up to its concurrency at once and admits waiters first come, first served', async () => {
    const bulkhead = new Bulkhead('batch', limits);
    const first = await bulkhead.enter(null);
    await bulkhead.enter(null);
    const order: string[] = [];
    const third = bulkhead.enter(null).then((release) => (order.push('third'), release));
    const fourth = bulkhead.enter(null).then((release) => (order.push('fourth'), release));
    expect(bulkhead.stats).toMatchObject({ active: 2, queued: 2, saturated: true });

    first();
    first(); // twice is harmless: one place given back
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect(bulkhead.stats).toMatchObject({ active: 2, queued: 0, saturated: false });
  });

  it('refuses at once with 503 and Retry-After when the queue is full', async () => {
    const bulkhead = new Bulkhead('batch', { ...limits, queue: 0 });
    await bulkhead.enter(null);
    await bulkhead.enter(null);
    const refusal = await bulkhead.enter(null).catch((problem: ProblemException) => problem);
    expect(refusal).toBeInstanceOf(ProblemException);
    expect((refusal as ProblemException).getStatus()).toBe(503);
    // Marked as shed before anything started, so the gateway may send it to another replica.
    expect((refusal as ProblemException).headers).toEqual({ 'Retry-After': '1', [SHED_HEADER]: 'saturated' });
    expect(bulkhead.stats.refused).toBe(1);
  });

  it('stays saturated for the Retry-After it gave after a refusal, though nothing waits', async () => {
    const bulkhead = new Bulkhead('batch', { concurrency: 1, queue: 0, maxWaitMs: 60_000 });
    const held = await bulkhead.enter(null);
    expect(bulkhead.stats.saturated).toBe(false);
    const refusedAt = Date.now();
    expect(await statusOf(bulkhead.enter(null))).toBe(503);
    held();
    expect(bulkhead.statsAt(refusedAt + 900)).toMatchObject({ active: 0, queued: 0, saturated: true });
    expect(bulkhead.statsAt(refusedAt + 1100).saturated).toBe(false);
  });

  it('refuses a waiter with 503 once it waited maxWaitMs, and frees its place in the queue', async () => {
    const bulkhead = new Bulkhead('read', { concurrency: 1, queue: 1, maxWaitMs: 20 });
    const held = await bulkhead.enter(null);
    expect(await statusOf(bulkhead.enter(null))).toBe(503);
    expect(bulkhead.stats.queued).toBe(0);
    held();
    expect(await statusOf(bulkhead.enter(null))).toBe('entered');
  });

  it('answers 504 to a request whose deadline passed, before or while it waits', async () => {
    const bulkhead = new Bulkhead('write', { concurrency: 1, queue: 4, maxWaitMs: 60_000 });
    expect(await statusOf(bulkhead.enter(Date.now() - 1))).toBe(504);
    await bulkhead.enter(null);
    expect(await statusOf(bulkhead.enter(Date.now() + 20))).toBe(504);
    expect(bulkhead.stats).toMatchObject({ active: 1, queued: 0, refused: 0 });
  });
});
