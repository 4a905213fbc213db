import { ActiveSubscriptionsCache } from './active-subscriptions-cache';
import { SubscriptionDocument } from './subscription.schema';

function subscription(id: string): SubscriptionDocument {
  return { _id: id } as SubscriptionDocument;
}

describe('ActiveSubscriptionsCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('answers a kept list without loading again until the time is up', async () => {
    const cache = new ActiveSubscriptionsCache(1000, clock);
    const load = jest.fn().mockResolvedValue([subscription('wh_1')]);
    await cache.ofAccount('acc_1', load);
    now += 999;
    expect(await cache.ofAccount('acc_1', load)).toEqual([subscription('wh_1')]);
    expect(load).toHaveBeenCalledTimes(1);
    now += 1;
    await cache.ofAccount('acc_1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load among the events that ask while it runs', async () => {
    const cache = new ActiveSubscriptionsCache(1000, clock);
    let finish: (value: SubscriptionDocument[]) => void = () => undefined;
    const load = jest.fn(() => new Promise<SubscriptionDocument[]>((resolve) => (finish = resolve)));
    const first = cache.ofAccount('acc_1', load);
    const second = cache.ofAccount('acc_1', load);
    finish([subscription('wh_1')]);
    expect(await first).toEqual(await second);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads again at once after this replica wrote a subscription of the account', async () => {
    const cache = new ActiveSubscriptionsCache(1000, clock);
    const load = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([subscription('wh_new')]);
    await cache.ofAccount('acc_1', load);
    cache.forget('acc_1');
    expect(await cache.ofAccount('acc_1', load)).toEqual([subscription('wh_new')]);
  });

  it('keeps accounts apart', async () => {
    const cache = new ActiveSubscriptionsCache(1000, clock);
    await cache.ofAccount('acc_1', async () => [subscription('wh_1')]);
    expect(await cache.ofAccount('acc_2', async () => [subscription('wh_2')])).toEqual([subscription('wh_2')]);
  });

  it('does not keep a failed load', async () => {
    const cache = new ActiveSubscriptionsCache(1000, clock);
    await expect(cache.ofAccount('acc_1', () => Promise.reject(new Error('database down')))).rejects.toThrow();
    expect(await cache.ofAccount('acc_1', async () => [subscription('wh_1')])).toEqual([subscription('wh_1')]);
  });

  it('with 0 ms reads the database for every event', async () => {
    const cache = new ActiveSubscriptionsCache(0, clock);
    const load = jest.fn().mockResolvedValue([]);
    await cache.ofAccount('acc_1', load);
    await cache.ofAccount('acc_1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
