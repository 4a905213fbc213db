import { HttpStatus, Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { Model } from 'mongoose';
import { createHash } from 'node:crypto';
import { LeadsConfig } from '../config';
import { jsonText } from '../json/json-text';
import { IDEMPOTENCY_MODEL, IdempotencyRecord, StoredOutcome } from './idempotency-record.schema';

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentResult extends StoredOutcome {
  replayed: boolean;
}

export function idempotencyId(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\n${key}`).digest('hex');
}

/** The body's JSON text, hashed; written without recursion, so any depth the parser took hashes. */
export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(jsonText(body ?? null))
    .digest('hex');
}

/**
 * `Idempotency-Key` (API.md §3): the same key and body replays the first answer, the same key with
 * another body is 422, a key whose first request is still running is 409. A request that died
 * mid-way (a crashed replica) leaves its key leased, not locked: after the lease a retry takes
 * over, and the work itself is idempotent (the lead id is derived from the key).
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectModel(IDEMPOTENCY_MODEL) private readonly records: Model<IdempotencyRecord>,
    @Inject(SERVICE_CONFIG) private readonly config: LeadsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.forgetExpired(), 3_600_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async run(scope: string, key: string, body: unknown, work: () => Promise<StoredOutcome>): Promise<IdempotentResult> {
    if (!KEY_FORMAT.test(key)) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'bad_idempotency_key',
        'Bad Idempotency-Key',
        'Use 1 to 255 visible ASCII characters.',
      );
    }
    const id = idempotencyId(scope, key);
    const hash = requestHash(body);
    const now = Date.now();
    const lease = new Date(now + this.config.IDEMPOTENCY_LEASE_MS).toISOString();
    const fresh: IdempotencyRecord = {
      _id: id,
      request_hash: hash,
      state: 'in_flight',
      lease_until: lease,
      outcome: null,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + this.config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000).toISOString(),
    };
    if (!(await this.claim(fresh))) {
      const existing = await this.records.findOne({ _id: { $eq: id } }).lean<IdempotencyRecord>();
      if (!existing) return this.run(scope, key, body, work);
      if (existing.request_hash !== hash) {
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'idempotency_key_reused',
          'Idempotency-Key reused',
          'This Idempotency-Key was used with a different request body.',
        );
      }
      if (existing.state === 'done' && existing.outcome) return { ...existing.outcome, replayed: true };
      if (Date.parse(existing.lease_until) > now || !(await this.takeOver(existing, lease))) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'idempotency_in_flight',
          'Request in progress',
          'A request with this Idempotency-Key is still being processed; retry shortly.',
          undefined,
          { 'Retry-After': '1' },
        );
      }
    }
    let outcome: StoredOutcome;
    try {
      outcome = await work();
    } catch (error) {
      // Nothing was created: free the key, so a corrected or retried request may use it.
      await this.records.deleteOne({ _id: { $eq: id }, state: { $eq: 'in_flight' } });
      throw error;
    }
    await this.complete(id, outcome);
    return { ...outcome, replayed: false };
  }

  private async claim(record: IdempotencyRecord): Promise<boolean> {
    try {
      await this.records.create(record);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  private async takeOver(existing: IdempotencyRecord, lease: string): Promise<boolean> {
    const result = await this.records.updateOne(
      { _id: { $eq: existing._id }, state: { $eq: 'in_flight' }, lease_until: { $eq: existing.lease_until } },
      { $set: { lease_until: lease } },
    );
    return result.modifiedCount === 1;
  }

  private async complete(id: string, outcome: StoredOutcome): Promise<void> {
    await this.records.updateOne({ _id: { $eq: id } }, { $set: { state: 'done', outcome } });
  }

  private async forgetExpired(): Promise<void> {
    await this.records.deleteMany({ expires_at: { $lt: new Date().toISOString() } }).catch(() => undefined);
  }
}
