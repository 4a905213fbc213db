import { Replica, UpstreamPool } from './upstream-pool';

const A = 'http://127.0.0.1:8001';
const B = 'http://127.0.0.1:8002';
const C = 'http://127.0.0.1:8003';

function origins(picks: (Replica | undefined)[]): (string | undefined)[] {
  return picks.map((replica) => replica?.url.origin);
}

function picks(pool: UpstreamPool, count: number): (string | undefined)[] {
  return origins(Array.from({ length: count }, () => pool.pick()));
}

describe('UpstreamPool', () => {
  it('goes round-robin over its replicas, all in rotation at start', () => {
    const pool = new UpstreamPool('leads', [A, B, C]);
    expect(pool.healthyCount()).toBe(3);
    expect(picks(pool, 6)).toEqual([A, B, C, A, B, C]);
  });

  it('skips replicas out of rotation, and takes them back when a check says ready', () => {
    const pool = new UpstreamPool('leads', [A, B, C]);
    const [, b] = pool.replicas;
    expect(pool.setHealthy(b, false)).toBe(true);
    expect(pool.setHealthy(b, false)).toBe(false);
    expect(pool.healthyCount()).toBe(2);
    expect(new Set(picks(pool, 6))).toEqual(new Set([A, C]));
    pool.setHealthy(b, true);
    expect(new Set(picks(pool, 6))).toEqual(new Set([A, B, C]));
  });

  it('ejects a replica passively until its next health check', () => {
    const pool = new UpstreamPool('leads', [A, B]);
    const [a] = pool.replicas;
    expect(pool.eject(a)).toBe(true);
    expect(pool.eject(a)).toBe(false);
    expect(picks(pool, 3)).toEqual([B, B, B]);
  });

  it('still tries its only replica when the check says down (single URL behaves as before)', () => {
    const pool = new UpstreamPool('identity', [A]);
    pool.eject(pool.replicas[0]);
    expect(pool.healthyCount()).toBe(0);
    expect(picks(pool, 2)).toEqual([A, A]);
  });

  it('tries every replica when none is healthy (panic mode), rather than refusing the call', () => {
    const pool = new UpstreamPool('leads', [A, B]);
    for (const replica of pool.replicas) pool.eject(replica);
    expect(new Set(picks(pool, 4))).toEqual(new Set([A, B]));
  });

  it('gives a retry a replica the call has not tried, healthy ones first, and nothing once all are tried', () => {
    const pool = new UpstreamPool('leads', [A, B, C]);
    const [a, b, c] = pool.replicas;
    pool.eject(c);
    const tried = new Set<Replica>();
    const first = pool.pick(tried)!;
    tried.add(first);
    pool.eject(first);
    const second = pool.pick(tried)!;
    expect(new Set([first, second])).toEqual(new Set([a, b]));
    tried.add(second);
    // Every healthy replica failed: the one out of rotation is the last resort.
    expect(pool.pick(tried)).toBe(c);
    tried.add(c);
    expect(pool.pick(tried)).toBeUndefined();
  });

  it('picks the replica with the fewest calls in flight, round-robin among equals', () => {
    const pool = new UpstreamPool('leads', [A, B, C]);
    const [a, b, c] = pool.replicas;
    a.inFlight = 3;
    b.inFlight = 1;
    c.inFlight = 1;
    expect(new Set(picks(pool, 4))).toEqual(new Set([B, C]));
    b.inFlight = 0;
    expect(picks(pool, 3)).toEqual([B, B, B]);
  });

  it('sends calls to a saturated replica only when every other in rotation is saturated too', () => {
    const pool = new UpstreamPool('leads', [A, B, C]);
    const [a, b, c] = pool.replicas;
    pool.setHealthy(a, true, true);
    pool.markSaturated(b);
    pool.eject(c);
    expect(pool.saturatedCount()).toBe(2);
    // Only a saturated and an ejected replica left: saturated ones still come before the ejected.
    expect(new Set(picks(pool, 4))).toEqual(new Set([A, B]));
    expect(pool.hasSpareReplica(new Set())).toBe(false);
    // A check that finds room puts B first again.
    pool.setHealthy(b, true);
    expect(picks(pool, 3)).toEqual([B, B, B]);
    expect(pool.hasSpareReplica(new Set([a]))).toBe(true);
    expect(pool.hasSpareReplica(new Set([b]))).toBe(false);
  });

  it('refuses an empty list', () => {
    expect(() => new UpstreamPool('docs', [])).toThrow(/at least one URL/);
  });
});
