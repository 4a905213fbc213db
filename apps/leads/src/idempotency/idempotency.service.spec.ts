import { ProblemException } from '@leadgate/service-kit';
import { LeadsConfig } from '@leads/config';
import { IdempotencyRecord, StoredOutcome } from './idempotency-record.schema';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

/** The repository's contract in memory: the rules of API.md §3 are now testable without a database. */
class InMemoryRecords {
  readonly records = new Map<string, IdempotencyRecord>();

  async claim(record: IdempotencyRecord): Promise<boolean> {
    if (this.records.has(record._id)) return false;
    this.records.set(record._id, { ...record });
    return true;
  }

  async find(id: string): Promise<IdempotencyRecord | null> {
    return this.records.get(id) ?? null;
  }

  async takeOver(existing: IdempotencyRecord, lease: string): Promise<boolean> {
    const record = this.records.get(existing._id);
    if (record?.state !== 'in_flight' || record.lease_until !== existing.lease_until) return false;
    record.lease_until = lease;
    return true;
  }

  async releaseInFlight(id: string): Promise<void> {
    if (this.records.get(id)?.state === 'in_flight') this.records.delete(id);
  }

  async complete(id: string, outcome: StoredOutcome): Promise<void> {
    Object.assign(this.records.get(id)!, { state: 'done', outcome });
  }

  async forgetExpiredBefore(): Promise<void> {}
}

const config = { IDEMPOTENCY_LEASE_MS: 30_000, IDEMPOTENCY_RETENTION_HOURS: 24 } as LeadsConfig;
const created: StoredOutcome = { status: 201, body: { id: 'lead_1' }, headers: {} };

function service() {
  const records = new InMemoryRecords();
  return { records, idempotency: new IdempotencyService(records as unknown as IdempotencyRepository, config) };
}

async function problemOf(promise: Promise<unknown>): Promise<ProblemException> {
  const error: unknown = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ProblemException);
  return error as ProblemException;
}

describe('IdempotencyService over its repository', () => {
  it('does the work once and replays the first answer for the same key and body', async () => {
    const { idempotency } = service();
    const work = jest.fn(async () => created);
    expect(await idempotency.run('scope', 'key-1', { a: 1 }, work)).toEqual({ ...created, replayed: false });
    expect(await idempotency.run('scope', 'key-1', { a: 1 }, work)).toEqual({ ...created, replayed: true });
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('answers 422 for the same key with another body', async () => {
    const { idempotency } = service();
    await idempotency.run('scope', 'key-1', { a: 1 }, async () => created);
    const problem = await problemOf(idempotency.run('scope', 'key-1', { a: 2 }, async () => created));
    expect([problem.getStatus(), problem.problemType]).toEqual([422, 'idempotency_key_reused']);
  });

  it('answers 409 while the first request holds its lease', async () => {
    const { idempotency } = service();
    let finish: () => void = () => undefined;
    const first = idempotency.run(
      'scope',
      'key-1',
      {},
      () => new Promise((resolve) => (finish = () => resolve(created))),
    );
    const problem = await problemOf(idempotency.run('scope', 'key-1', {}, async () => created));
    expect([problem.getStatus(), problem.problemType]).toEqual([409, 'idempotency_in_flight']);
    finish();
    await first;
  });

  it('frees the key when the work fails, so a retry does the work', async () => {
    const { idempotency, records } = service();
    await expect(idempotency.run('scope', 'key-1', {}, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(records.records.size).toBe(0);
    expect((await idempotency.run('scope', 'key-1', {}, async () => created)).replayed).toBe(false);
  });

  it('refuses a key that is not 1 to 255 visible ASCII characters', async () => {
    const { idempotency } = service();
    const problem = await problemOf(idempotency.run('scope', 'bad key', {}, async () => created));
    expect([problem.getStatus(), problem.problemType]).toEqual([400, 'bad_idempotency_key']);
  });
});
