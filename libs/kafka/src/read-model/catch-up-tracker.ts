/**
 * Knows whether a reader has consumed every partition up to the end offsets it saw when it
 * started. Pure bookkeeping, so it is unit-tested without a broker. Offsets are compared as
 * numbers, not counted: a compacted topic has gaps where older records were cleaned away.
 */
export class CatchUpTracker {
  private readonly pending = new Map<number, bigint>();
  private readonly consumedUpTo = new Map<number, bigint>();
  private readonly latestLag = new Map<number, bigint>();
  private caughtUpAt: number | null = null;

  /** `ends` are the partitions' high watermarks (next offset to be written) and low offsets. */
  constructor(ends: { partition: number; high: string; low: string }[], now = Date.now()) {
    for (const { partition, high, low } of ends) {
      if (BigInt(high) > BigInt(low)) this.pending.set(partition, BigInt(high));
    }
    if (this.pending.size === 0) this.caughtUpAt = now;
  }

  /** Records that `offset` of `partition` was applied; `highWatermark` is what the fetch reported. */
  applied(partition: number, offset: string, highWatermark: string, now = Date.now()): void {
    const consumed = BigInt(offset);
    this.consumedUpTo.set(partition, consumed);
    const lag = BigInt(highWatermark) - 1n - consumed;
    this.latestLag.set(partition, lag > 0n ? lag : 0n);
    const target = this.pending.get(partition);
    if (target !== undefined && consumed + 1n >= target) this.pending.delete(partition);
    if (this.pending.size === 0 && this.caughtUpAt === null) this.caughtUpAt = now;
  }

  get caughtUp(): boolean {
    return this.caughtUpAt !== null;
  }

  get caughtUpAtMs(): number | null {
    return this.caughtUpAt;
  }

  /** Records behind the broker, summed over partitions (at start: all that is still pending). */
  get lag(): number {
    let total = 0n;
    for (const lag of this.latestLag.values()) total += lag;
    for (const [partition, target] of this.pending) {
      if (!this.latestLag.has(partition)) total += target - (this.consumedUpTo.get(partition) ?? -1n) - 1n;
    }
    return Number(total);
  }
}
