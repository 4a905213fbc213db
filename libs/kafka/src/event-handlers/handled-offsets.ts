/** A commit request's entry: the offset of the next message to read in one partition. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * The offsets a consumer has handled and not committed yet, per partition. The consumer commits
 * them on a timer instead of after every fetched batch (kafkajs's autoCommit does one OffsetCommit
 * per batch: with events arriving one by one, a request to the broker per event).
 */
export class HandledOffsets {
  private readonly next = new Map<string, PartitionOffset>();

  /** The message at `offset` is handled: the partition resumes after it. */
  handled(topic: string, partition: number, offset: string): void {
    const following = (BigInt(offset) + 1n).toString();
    const key = `${topic}\u0000${partition}`;
    const known = this.next.get(key);
    if (!known || BigInt(known.offset) < BigInt(following)) this.next.set(key, { topic, partition, offset: following });
  }

  /** Everything not committed yet, and forgotten: give it back with `restore` if the commit fails. */
  take(): PartitionOffset[] {
    const taken = [...this.next.values()];
    this.next.clear();
    return taken;
  }

  /** Offsets a failed commit held, unless the partition has moved on since. */
  restore(offsets: PartitionOffset[]): void {
    for (const { topic, partition, offset } of offsets)
      this.handled(topic, partition, (BigInt(offset) - 1n).toString());
  }

  /**
   * After a rebalance: only the partitions this member owns now. The others' new owner starts
   * from their last commit, so what was handled here since is handled again (at least once).
   */
  keepOnly(assignment: Record<string, number[]>): void {
    for (const [key, { topic, partition }] of this.next) {
      if (!assignment[topic]?.includes(partition)) this.next.delete(key);
    }
  }
}
