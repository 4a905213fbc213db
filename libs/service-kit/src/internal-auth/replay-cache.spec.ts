import { ReplayCache } from './replay-cache';

describe('ReplayCache', () => {
  it('accepts an id once until it expires, then forgets it', () => {
    const cache = new ReplayCache();
    expect(cache.claim('a', 110, 100)).toBe(true);
    expect(cache.claim('a', 110, 105)).toBe(false);
    expect(cache.claim('b', 120, 111)).toBe(true);
    expect(cache.size).toBe(1);
  });

  it('stays bounded: full of live ids it refuses instead of forgetting one', () => {
    const cache = new ReplayCache(2);
    expect(cache.claim('a', 110, 100)).toBe(true);
    expect(cache.claim('b', 110, 100)).toBe(true);
    expect(cache.claim('c', 110, 100)).toBe(false);
    expect(cache.claim('a', 110, 100)).toBe(false);
    expect(cache.claim('c', 130, 120)).toBe(true);
  });
});
