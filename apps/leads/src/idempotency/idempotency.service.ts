import { HttpStatus, Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { createHash } from 'node:crypto';
import { LeadsConfig } from '@leads/config';
import { jsonText } from '@leads/json/json-text';
import { IdempotencyRecord, StoredOutcome } from './idempotency-record.schema';
import { IdempotencyRepository } from './idempotency.repository';

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
    private readonly records: IdempotencyRepository,
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
    if (!(await this.records.claim(fresh))) {
      const existing = await this.records.find(id);
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
      if (Date.parse(existing.lease_until) > now || !(await this.records.takeOver(existing, lease))) {
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
      await this.records.releaseInFlight(id);
      throw error;
    }
    await this.records.complete(id, outcome);
    return { ...outcome, replayed: false };
  }

  private async forgetExpired(): Promise<void> {
    await this.records.forgetExpiredBefore(new Date().toISOString()).catch(() => undefined);
  }
}
