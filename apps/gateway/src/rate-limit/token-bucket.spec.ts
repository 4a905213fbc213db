import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst up to the limit, then refuses with a Retry-After', () => {
    const buckets = new TokenBuckets();
    const now = 1_000_000;
    for (let index = 0; index < 60; index++) expect(buckets.take('t', 60, now).allowed).toBe(true);
    const refused = buckets.take('t', 60, now);
    expect(refused).toMatchObject({ allowed: false, limit: 60, remaining: 0, retryAfterSeconds: 1 });
  });

  it('refills at the per-minute rate', () => {
    const buckets = new TokenBuckets();
    const now = 1_000_000;
    for (let index = 0; index < 60; index++) buckets.take('t', 60, now);
    expect(buckets.take('t', 60, now + 500).allowed).toBe(false);
    expect(buckets.take('t', 60, now + 1000).allowed).toBe(true);
  });

  it('keeps keys apart and forgets the oldest when full', () => {
    const buckets = new TokenBuckets(2);
    buckets.take('a', 1, 0);
    expect(buckets.take('a', 1, 0).allowed).toBe(false);
    expect(buckets.take('b', 1, 0).allowed).toBe(true);
    buckets.take('c', 1, 0); // evicts a
    expect(buckets.take('a', 1, 0).allowed).toBe(true);
  });
});
