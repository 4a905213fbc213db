import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { Model } from 'mongoose';
import { WebhooksConfig } from '@webhooks/config';
import { ActiveSubscriptionsCache } from './active-subscriptions-cache';
import { SUBSCRIPTION_MODEL, SubscriptionDocument } from './subscription.schema';

/** What a change may set; the version and updated_at are the repository's. */
export type SubscriptionChanges = Partial<
  Pick<
    SubscriptionDocument,
    'url' | 'events' | 'description' | 'status' | 'disabled_reason' | 'disabled_at' | 'sealed_secret'
  >
>;

/** The only place that touches the subscriptions collection. Every value is matched with `$eq`. */
@Injectable()
export class SubscriptionsRepository {
  private readonly active: ActiveSubscriptionsCache;

  constructor(
    @InjectModel(SUBSCRIPTION_MODEL) private readonly subscriptions: Model<SubscriptionDocument>,
    @Inject(SERVICE_CONFIG) config: WebhooksConfig,
  ) {
    this.active = new ActiveSubscriptionsCache(config.WEBHOOK_SUBSCRIPTION_CACHE_MS);
  }

  async insert(subscription: SubscriptionDocument): Promise<void> {
    await this.subscriptions.create(subscription);
    this.active.forget(subscription.account_id);
  }

  /** Any account's: for the dispatcher, which has no caller. */
  async findById(id: string): Promise<SubscriptionDocument | null> {
    return this.subscriptions.findOne({ _id: { $eq: id } }).lean<SubscriptionDocument>();
  }

  async findInAccount(accountId: string, id: string): Promise<SubscriptionDocument | null> {
    return this.subscriptions
      .findOne({ _id: { $eq: id }, account_id: { $eq: accountId } })
      .lean<SubscriptionDocument>();
  }

  async listOfToken(accountId: string, tokenId: string, limit: number): Promise<SubscriptionDocument[]> {
    return this.subscriptions
      .find({ account_id: { $eq: accountId }, token_id: { $eq: tokenId } })
      .sort({ created_at: 1 })
      .limit(limit)
      .lean<SubscriptionDocument[]>();
  }

  async countOfToken(accountId: string, tokenId: string): Promise<number> {
    return this.subscriptions.countDocuments({ account_id: { $eq: accountId }, token_id: { $eq: tokenId } });
  }

  async listOfAccount(accountId: string, limit: number): Promise<SubscriptionDocument[]> {
    return this.subscriptions
      .find({ account_id: { $eq: accountId } })
      .sort({ created_at: 1 })
      .limit(limit)
      .lean<SubscriptionDocument[]>();
  }

  /**
   * The dispatcher's candidates for an event of this account, kept briefly (ActiveSubscriptionsCache):
   * every write below drops the account's entry in this replica.
   */
  activeOfAccount(accountId: string): Promise<SubscriptionDocument[]> {
    return this.active.ofAccount(accountId, () =>
      this.subscriptions
        .find({ account_id: { $eq: accountId }, status: { $eq: 'active' } })
        .lean<SubscriptionDocument[]>()
        .exec(),
    );
  }

  /** Applies the changes if nobody changed the subscription since `version` was read; null otherwise. */
  async update(id: string, version: number, changes: SubscriptionChanges): Promise<SubscriptionDocument | null> {
    const updated = await this.subscriptions
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version } },
        { $set: { ...changes, updated_at: new Date().toISOString(), version: version + 1 } },
        { returnDocument: 'after' },
      )
      .lean<SubscriptionDocument>();
    if (updated) this.active.forget(updated.account_id);
    return updated;
  }

  /** The dispatcher's stop (410 Gone, 24 h of failures): kept once, the first reason stays. */
  async disable(id: string, reason: string, at: string): Promise<SubscriptionDocument | null> {
    const disabled = await this.subscriptions
      .findOneAndUpdate(
        { _id: { $eq: id }, status: { $eq: 'active' } },
        {
          $set: { status: 'disabled', disabled_reason: reason, disabled_at: at, updated_at: at },
          $inc: { version: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<SubscriptionDocument>();
    if (disabled) this.active.forget(disabled.account_id);
    return disabled;
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const result = await this.subscriptions.deleteOne({ _id: { $eq: id }, account_id: { $eq: accountId } });
    this.active.forget(accountId);
    return result.deletedCount === 1;
  }
}
