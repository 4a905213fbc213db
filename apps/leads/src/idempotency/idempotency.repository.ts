import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { IDEMPOTENCY_MODEL, IdempotencyRecord, StoredOutcome } from './idempotency-record.schema';

/** The stored `Idempotency-Key` records: every database call the idempotency rules need, and no rule. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectModel(IDEMPOTENCY_MODEL) private readonly records: Model<IdempotencyRecord>) {}

  /** Inserts the record; false when a record with its id exists already. */
  async claim(record: IdempotencyRecord): Promise<boolean> {
    try {
      await this.records.create(record);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async find(id: string): Promise<IdempotencyRecord | null> {
    return this.records.findOne({ _id: { $eq: id } }).lean<IdempotencyRecord>();
  }

  /** Moves the lease of a record still in flight, if nobody else moved it since it was read. */
  async takeOver(existing: IdempotencyRecord, lease: string): Promise<boolean> {
    const result = await this.records.updateOne(
      { _id: { $eq: existing._id }, state: { $eq: 'in_flight' }, lease_until: { $eq: existing.lease_until } },
      { $set: { lease_until: lease } },
    );
    return result.modifiedCount === 1;
  }

  /** Frees a key whose request created nothing; a finished record is kept. */
  async releaseInFlight(id: string): Promise<void> {
    await this.records.deleteOne({ _id: { $eq: id }, state: { $eq: 'in_flight' } });
  }

  async complete(id: string, outcome: StoredOutcome): Promise<void> {
    await this.records.updateOne({ _id: { $eq: id } }, { $set: { state: 'done', outcome } });
  }

  async forgetExpiredBefore(instant: string): Promise<void> {
    await this.records.deleteMany({ expires_at: { $lt: instant } });
  }
}
