import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { QUARANTINE_MODEL, QuarantinedPost } from './quarantine.schema';

@Injectable()
export class QuarantineRepository {
  constructor(@InjectModel(QUARANTINE_MODEL) private readonly posts: Model<QuarantinedPost>) {}

  async insert(post: QuarantinedPost): Promise<void> {
    await this.posts.create(post);
  }

  async findHeld(accountId: string, id: string): Promise<QuarantinedPost | null> {
    return this.posts
      .findOne({ _id: { $eq: id }, account_id: { $eq: accountId }, state: { $eq: 'held' } })
      .lean<QuarantinedPost>();
  }

  /**
   * Held posts of an account, counted up to `limit`. FerretDB answers this with a scan of the whole
   * collection (about 1.2 s for 15,000 posts), so it runs only to (re)build the account's count.
   */
  async countHeld(accountId: string, limit: number): Promise<number> {
    return this.posts.collection.countDocuments({ account_id: { $eq: accountId }, state: { $eq: 'held' } }, { limit });
  }

  async listHeld(accountId: string, limit: number): Promise<QuarantinedPost[]> {
    return this.posts
      .find({ account_id: { $eq: accountId }, state: { $eq: 'held' } })
      .sort({ received_at: 1 })
      .limit(limit)
      .lean<QuarantinedPost[]>();
  }

  /** Moves a held post to its final state; false if someone else decided it first. */
  async decide(id: string, state: 'released' | 'discarded', leadId: string | null): Promise<boolean> {
    const result = await this.posts.updateOne(
      { _id: { $eq: id }, state: { $eq: 'held' } },
      { $set: { state, lead_id: leadId, decided_at: new Date().toISOString() } },
    );
    return result.modifiedCount === 1;
  }

  async findEventPending(limit: number): Promise<QuarantinedPost[]> {
    return this.posts
      .find({ event_pending: { $eq: true } })
      .limit(limit)
      .lean<QuarantinedPost[]>();
  }

  async markEventPublished(id: string): Promise<void> {
    await this.posts.updateOne({ _id: { $eq: id } }, { $set: { event_pending: false } });
  }
}
