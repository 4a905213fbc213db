import { SubscriptionDocument } from './subscription.schema';

/** Beyond this many accounts kept, expired entries are dropped on the next miss. */
const PRUNE_ABOVE = 1000;

interface Kept {
  until: number;
  loading: Promise<SubscriptionDocument[]>;
}

/**
 * The dispatcher reads an account's active subscriptions for every lead event; without this it
 * was one database query per event. Kept for `ttlMs` (a load in flight is shared), dropped at once
 * when this replica writes a subscription of the account; another replica's write is seen within
 * `ttlMs`. Staleness only decides whether a job is stored: the sender decides again on the
 * subscription as stored (active, its events, its token's slice) before it sends anything.
 */
export class ActiveSubscriptionsCache {
  private readonly byAccount = new Map<string, Kept>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  ofAccount(accountId: string, load: () => Promise<SubscriptionDocument[]>): Promise<SubscriptionDocument[]> {
    const now = this.now();
    const kept = this.byAccount.get(accountId);
    if (kept && kept.until > now) return kept.loading;
    if (this.byAccount.size > PRUNE_ABOVE) this.prune(now);
    const entry: Kept = { until: now + this.ttlMs, loading: load() };
    this.byAccount.set(accountId, entry);
    // A failed load is not kept: the next event asks the database again.
    entry.loading.catch(() => {
      if (this.byAccount.get(accountId) === entry) this.byAccount.delete(accountId);
    });
    return entry.loading;
  }

  forget(accountId: string): void {
    this.byAccount.delete(accountId);
  }

  private prune(now: number): void {
    for (const [accountId, kept] of this.byAccount) if (kept.until <= now) this.byAccount.delete(accountId);
  }
}
