import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { QUARANTINE_COUNT_MODEL, QuarantineCount } from './quarantine-count.schema';

export type Reservation = 'reserved' | 'full' | 'missing';

@Injectable()
export class QuarantineCountsRepository {
  constructor(@InjectModel(QUARANTINE_COUNT_MODEL) private readonly counts: Model<QuarantineCount>) {}

  /** One more held post if the count is below the quota; 'missing' when the account has no count yet. */
  async reserve(accountId: string, quota: number): Promise<Reservation> {
    const taken = await this.counts
      .findOneAndUpdate({ _id: { $eq: accountId }, held: { $lt: quota } }, { $inc: { held: 1 } })
      .lean<QuarantineCount>();
    if (taken) return 'reserved';
    return (await this.held(accountId)) === null ? 'missing' : 'full';
  }

  /** One held post fewer, never below zero. */
  async release(accountId: string): Promise<void> {
    await this.counts.updateOne({ _id: { $eq: accountId }, held: { $gt: 0 } }, { $inc: { held: -1 } });
  }

  async held(accountId: string): Promise<number | null> {
    const count = await this.counts.findOne({ _id: { $eq: accountId } }).lean<QuarantineCount>();
    return count?.held ?? null;
  }

  /** Sets the count from a recount of the posts (creating it for an account that has none yet). */
  async set(accountId: string, held: number): Promise<void> {
    await this.counts.updateOne({ _id: { $eq: accountId } }, { $set: { held } }, { upsert: true });
  }
}
