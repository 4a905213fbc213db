/**
 * The ids of signatures this process has accepted, each kept until its expiry: a second use within
 * the expiry is a replay. Bounded: expired ids are dropped first (insertion order is close to expiry
 * order, since every signature lives the same few seconds); when the cache is full of live ids it
 * refuses, failing closed rather than forgetting an id that could then be replayed.
 */
export class ReplayCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly capacity = 200_000) {}

  /** True the first time `id` is seen (and remembers it until `expSeconds`), false on a reuse or when full. */
  claim(id: string, expSeconds: number, nowSeconds: number): boolean {
    this.evictExpired(nowSeconds);
    if (this.expiries.has(id)) return false;
    if (this.expiries.size >= this.capacity) return false;
    this.expiries.set(id, expSeconds);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private evictExpired(nowSeconds: number): void {
    for (const [id, exp] of this.expiries) {
      // A slightly longer-lived entry ahead stops the sweep early; the next call continues it.
      if (exp >= nowSeconds) break;
      this.expiries.delete(id);
    }
  }
}
