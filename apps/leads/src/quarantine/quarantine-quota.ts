import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { LeadsConfig } from '@leads/config';
import { QuarantineCountsRepository } from './quarantine-counts.repository';
import { QuarantineRepository } from './quarantine.repository';

/** A full account is recounted at most this often per replica (a recount scans the collection). */
const RECOUNT_INTERVAL_MS = 60_000;
/** What a sender over the quota is told to wait: the quarantine empties only when an admin decides. */
const FULL_RETRY_AFTER_S = 300;

/**
 * The per-account quarantine quota (QUARANTINE_MAX_PER_ACCOUNT), kept as one count document per
 * account rather than counted per post: a count on FerretDB scans the collection (1.2 s at 10,000
 * held posts, against 3 ms for the counter), and a refused sender must not be able to buy a scan
 * per post.
 *
 * Races: FerretDB 1.x loses concurrent updates of one document (measured: 100 parallel $inc → 26),
 * so this replica serialises its updates per account. Updates from other replicas at the same
 * moment may still be lost, and a recount overwrites reservations made while it ran: the bound is
 * approximate by a few. A count that drifted high heals on the next recount, which a full account
 * gets at most once a minute; one that drifted low lets a few extra posts in until it reaches the
 * quota and is recounted. Nothing held is ever dropped for the quota.
 */
@Injectable()
export class QuarantineQuota {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastRecount = new Map<string, number>();

  constructor(
    private readonly counts: QuarantineCountsRepository,
    private readonly posts: QuarantineRepository,
    @Inject(SERVICE_CONFIG) private readonly config: LeadsConfig,
  ) {}

  get quota(): number {
    return this.config.QUARANTINE_MAX_PER_ACCOUNT;
  }

  /** Takes a place for one more held post, or answers 429 quarantine_full. */
  async reserve(accountId: string): Promise<void> {
    const reserved = await this.serially(accountId, async () => {
      const first = await this.counts.reserve(accountId, this.quota);
      if (first === 'reserved') return true;
      if (first === 'full' && !this.mayRecount(accountId)) return false;
      await this.recount(accountId);
      return (await this.counts.reserve(accountId, this.quota)) === 'reserved';
    });
    if (!reserved) {
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'quarantine_full',
        'Quarantine full',
        'This account holds as many refused posts as it may; the post was not kept. Send it with a valid access token, or retry later.',
        undefined,
        { 'Retry-After': String(FULL_RETRY_AFTER_S) },
      );
    }
  }

  /** Gives a place back: the post was released, discarded, or never stored. */
  async release(accountId: string): Promise<void> {
    await this.serially(accountId, () => this.counts.release(accountId));
  }

  /** The number the quota is held against (what the admin sees as `total`). */
  async held(accountId: string): Promise<number> {
    return (await this.counts.held(accountId)) ?? (await this.posts.countHeld(accountId, this.quota + 1));
  }

  private async recount(accountId: string): Promise<void> {
    this.lastRecount.set(accountId, Date.now());
    await this.counts.set(accountId, await this.posts.countHeld(accountId, this.quota + 1));
  }

  private mayRecount(accountId: string): boolean {
    return Date.now() - (this.lastRecount.get(accountId) ?? 0) >= RECOUNT_INTERVAL_MS;
  }

  /** Runs the account's count updates one after another on this replica. */
  private serially<T>(accountId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(accountId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.queues.set(accountId, tail);
    void tail.then(() => {
      if (this.queues.get(accountId) === tail) this.queues.delete(accountId);
    });
    return result;
  }
}
