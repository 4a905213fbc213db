/** How long published entries wait to be deleted together: far below EVENT_RELAY_GRACE_MS. */
export const REMOVAL_DELAY_MS = 100;
/** Entries deleted by one statement at most. */
export const MAX_REMOVALS_PER_DELETE = 500;

/**
 * Deletes published outbox entries a batch at a time: one delete for every entry published within
 * REMOVAL_DELAY_MS rather than one per group of creates (on FerretDB, each delete is a select and a
 * delete in PostgreSQL). Until its delete succeeds an entry counts as published here (`has`), so
 * this process never publishes it again; a crash before the delete leaves it to the sweep, which
 * publishes it again under the same event ids (at least once, ADR 008). A failed delete is retried.
 */
export class OutboxRemovals {
  private readonly waiting = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly removeMany: (ids: string[]) => Promise<void>,
    private readonly onError: (error: unknown, ids: number) => void,
    private readonly delayMs = REMOVAL_DELAY_MS,
  ) {}

  /** True while the entry is published and not yet deleted. */
  has(id: string): boolean {
    return this.waiting.has(id);
  }

  add(ids: string[]): void {
    for (const id of ids) this.waiting.add(id);
    this.schedule();
  }

  /** Deletes everything waiting now (at shutdown, or when the timer fires). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.running.then(async () => {
      const ids = [...this.waiting].slice(0, MAX_REMOVALS_PER_DELETE);
      if (ids.length === 0) return;
      try {
        await this.removeMany(ids);
        for (const id of ids) this.waiting.delete(id);
      } catch (error) {
        this.onError(error, ids.length);
      }
      if (this.waiting.size > 0) this.schedule();
    });
    return this.running;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.timer.unref();
  }
}
