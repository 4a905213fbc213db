import { LeadsConfig } from '@leads/config';
import { QuarantineCountsRepository, Reservation } from './quarantine-counts.repository';
import { QuarantineQuota } from './quarantine-quota';
import { QuarantineRepository } from './quarantine.repository';

/**
 * A count store that behaves like FerretDB 1.x under concurrency: an update reads, waits, then
 * writes, so two updates that overlap lose one of them.
 */
class LossyCounts {
  held = new Map<string, number>();
  overlapping = 0;
  maxOverlap = 0;

  async reserve(accountId: string, quota: number): Promise<Reservation> {
    const before = this.held.get(accountId);
    if (before === undefined) return 'missing';
    if (before >= quota) return 'full';
    await this.slowly(() => this.held.set(accountId, before + 1));
    return 'reserved';
  }

  async release(accountId: string): Promise<void> {
    const before = this.held.get(accountId) ?? 0;
    await this.slowly(() => this.held.set(accountId, Math.max(0, before - 1)));
  }

  async heldOf(accountId: string): Promise<number | null> {
    return this.held.get(accountId) ?? null;
  }

  async set(accountId: string, held: number): Promise<void> {
    this.held.set(accountId, held);
  }

  private async slowly(write: () => void): Promise<void> {
    this.maxOverlap = Math.max(this.maxOverlap, ++this.overlapping);
    await new Promise((resolve) => setTimeout(resolve, 1));
    write();
    this.overlapping--;
  }
}

function quotaOf(quota: number, heldPosts: number) {
  const counts = new LossyCounts();
  const posts = { countHeld: jest.fn(async () => heldPosts) };
  const repository = {
    reserve: counts.reserve.bind(counts),
    release: counts.release.bind(counts),
    held: counts.heldOf.bind(counts),
    set: counts.set.bind(counts),
  } as unknown as QuarantineCountsRepository;
  const service = new QuarantineQuota(
    repository,
    posts as unknown as QuarantineRepository,
    {
      QUARANTINE_MAX_PER_ACCOUNT: quota,
    } as LeadsConfig,
  );
  return { counts, posts, service };
}

const outcome = (promise: Promise<void>) =>
  promise.then(
    () => 'held',
    (error: { getStatus?: () => number }) => error.getStatus?.(),
  );

describe('QuarantineQuota', () => {
  it('starts an account from a count of its held posts, then counts itself', async () => {
    const { counts, posts, service } = quotaOf(10, 4);
    await service.reserve('acc');
    expect(counts.held.get('acc')).toBe(5);
    await service.reserve('acc');
    expect(posts.countHeld).toHaveBeenCalledTimes(1);
    expect(await service.held('acc')).toBe(6);
  });

  it('takes parallel posts one at a time on a replica: none lost, none over the quota', async () => {
    const { counts, service } = quotaOf(30, 0);
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => outcome(service.reserve('acc'))));
    expect(outcomes.filter((result) => result === 'held')).toHaveLength(30);
    expect(outcomes.filter((result) => result === 429)).toHaveLength(70);
    expect(counts.held.get('acc')).toBe(30);
    expect(counts.maxOverlap).toBe(1);
  });

  it('answers 429 quarantine_full with Retry-After when full, and gives a place back on release', async () => {
    const { service } = quotaOf(2, 0);
    await service.reserve('acc');
    await service.reserve('acc');
    const refused = (await service.reserve('acc').catch((error: unknown) => error)) as {
      getStatus(): number;
      problemType: string;
      headers: Record<string, string>;
    };
    expect(refused.getStatus()).toBe(429);
    expect(refused.problemType).toBe('quarantine_full');
    expect(Number(refused.headers['Retry-After'])).toBeGreaterThan(0);
    await service.release('acc');
    await expect(service.reserve('acc')).resolves.toBeUndefined();
  });

  it('recounts a full account, at most once a minute, so a count that drifted high heals', async () => {
    const { counts, posts, service } = quotaOf(3, 1);
    counts.held.set('acc', 3); // drifted: only one post is really held
    await service.reserve('acc');
    expect(counts.held.get('acc')).toBe(2);
    expect(posts.countHeld).toHaveBeenCalledTimes(1);
    counts.held.set('acc', 3);
    await expect(outcome(service.reserve('acc'))).resolves.toBe(429);
    expect(posts.countHeld).toHaveBeenCalledTimes(1);
  });
});
