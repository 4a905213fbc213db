import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DELIVERY_CLAIM_MODEL, DeliveryClaim } from './delivery-claim.schema';
import { DELIVERY_MODEL, DeliveryJob, DeliveryStatus } from './delivery.schema';
import { Blocker } from './lead-order';

const UNFINISHED: DeliveryStatus[] = ['pending', 'sending'];
const FINISHED: DeliveryStatus[] = ['delivered', 'failed', 'cancelled'];
const BLOCKER_FIELDS = {
  _id: 1,
  subscription_id: 1,
  lead_id: 1,
  lead_version: 1,
  status: 1,
  next_attempt_at: 1,
  lease_until: 1,
};

/** A subscription's lead, and a version of it. */
type LeadOf = Pick<DeliveryJob, 'subscription_id' | 'lead_version'> & { lead_id: string };

/** The delivery queue and its attempts: every database call the delivery rules need, and no rule. */
@Injectable()
export class DeliveriesRepository {
  constructor(
    @InjectModel(DELIVERY_MODEL) private readonly jobs: Model<DeliveryJob>,
    @InjectModel(DELIVERY_CLAIM_MODEL) private readonly claims: Model<DeliveryClaim>,
  ) {}

  /** Stores a new job; false when the event is queued for the subscription already (a redelivered message). */
  async store(job: DeliveryJob): Promise<boolean> {
    try {
      await this.jobs.create(job);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  /**
   * Jobs whose time has come, and jobs whose worker died holding them (lease past): oldest due
   * first, leaving out the subscriptions in `heldBack` (their endpoint is full: their jobs could only
   * be skipped, and would hide others' behind them). Two equality queries rather than one `$or`, so
   * each can use the status index.
   */
  async due(now: string, limit: number, heldBack: readonly string[] = []): Promise<DeliveryJob[]> {
    // Plain strings only, so no value can become a query operator.
    const others = heldBack.length > 0 ? { subscription_id: { $nin: heldBack.map(String) } } : {};
    const [pending, abandoned] = await Promise.all([
      this.jobs
        .find({ status: { $eq: 'pending' }, next_attempt_at: { $lte: now }, ...others })
        .sort({ next_attempt_at: 1 })
        .limit(limit)
        .lean<DeliveryJob[]>(),
      this.jobs
        .find({ status: { $eq: 'sending' }, lease_until: { $lt: now }, ...others })
        .sort({ lease_until: 1 })
        .limit(limit)
        .lean<DeliveryJob[]>(),
    ]);
    return [...abandoned, ...pending].slice(0, limit);
  }

  /**
   * The lowest unfinished earlier event of the job's lead for its subscription, which the job waits
   * for (order per lead); null when it may go.
   */
  async firstEarlierUnfinished(job: DeliveryJob): Promise<Blocker | null> {
    if (job.lead_id === null) return null;
    return this.firstUnfinishedBelow({ ...job, lead_id: job.lead_id }, job.lead_version);
  }

  /** Is the blocker still the lowest unfinished event of its lead? */
  async stillBlocks(blocker: Blocker): Promise<boolean> {
    const first = await this.firstUnfinishedBelow(blocker, blocker.lead_version + 1);
    return first?._id === blocker._id;
  }

  /** Moves the pending later events of the blocker's lead to `until`, those still due earlier. */
  async deferFollowers(blocker: Blocker, until: string): Promise<void> {
    await this.jobs.updateMany(
      { ...this.followersOf(blocker), next_attempt_at: { $lt: until } },
      { $set: { next_attempt_at: until } },
    );
  }

  /** Brings the pending later events of the job's lead (same subscription) forward to `at`: they may go now. */
  async bringFollowersForward(
    job: Pick<DeliveryJob, 'subscription_id' | 'lead_id' | 'lead_version'>,
    at: string,
  ): Promise<void> {
    if (job.lead_id === null) return;
    await this.jobs.updateMany(
      { ...this.followersOf({ ...job, lead_id: job.lead_id }), next_attempt_at: { $gt: at } },
      { $set: { next_attempt_at: at } },
    );
  }

  private async firstUnfinishedBelow(lead: LeadOf, version: number): Promise<Blocker | null> {
    return this.jobs
      .findOne({
        subscription_id: { $eq: lead.subscription_id },
        lead_id: { $eq: lead.lead_id },
        lead_version: { $lt: version },
        status: { $in: UNFINISHED },
      })
      .sort({ lead_version: 1 })
      .select(BLOCKER_FIELDS)
      .lean<Blocker>();
  }

  private followersOf(of: LeadOf) {
    return {
      subscription_id: { $eq: of.subscription_id },
      lead_id: { $eq: of.lead_id },
      lead_version: { $gt: of.lead_version },
      status: { $eq: 'pending' as const },
    };
  }

  /**
   * Takes the job for one attempt, if nobody took it since it was read: the claim of the state read
   * is inserted first (one insert wins, see DeliveryClaim), then the job is marked held. The answer
   * is the job as held, or null when another worker claimed it.
   */
  async claim(job: DeliveryJob, now: string, leaseUntil: string): Promise<DeliveryJob | null> {
    const seen = [job._id, job.status, job.attempts, job.lease_until ?? '-', job.updated_at].join('|');
    try {
      await this.claims.create({ _id: seen, job_id: job._id, created_at: now });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return null;
      throw error;
    }
    return this.jobs
      .findOneAndUpdate(
        { _id: { $eq: job._id }, status: { $eq: job.status }, updated_at: { $eq: job.updated_at } },
        { $set: { status: 'sending', lease_until: leaseUntil, updated_at: now } },
        { returnDocument: 'after' },
      )
      .lean<DeliveryJob>();
  }

  /** Records the outcome of a held job; false when the lease was lost meanwhile (another worker re-sends). */
  async settle(held: DeliveryJob, changes: Partial<DeliveryJob>): Promise<boolean> {
    const result = await this.jobs.updateOne(
      { _id: { $eq: held._id }, status: { $eq: 'sending' }, lease_until: { $eq: held.lease_until } },
      { $set: changes },
    );
    return result.modifiedCount === 1;
  }

  async findOf(subscriptionId: string, id: string): Promise<DeliveryJob | null> {
    return this.jobs.findOne({ _id: { $eq: id }, subscription_id: { $eq: subscriptionId } }).lean<DeliveryJob>();
  }

  /** A subscription's jobs, newest first, from before `before` (created_at, _id) when given. */
  async listOf(
    subscriptionId: string,
    limit: number,
    before: { created_at: string; id: string } | null,
  ): Promise<DeliveryJob[]> {
    const page = before
      ? {
          $or: [
            { created_at: { $lt: before.created_at } },
            { created_at: { $eq: before.created_at }, _id: { $lt: before.id } },
          ],
        }
      : {};
    return this.jobs
      .find({ subscription_id: { $eq: subscriptionId }, ...page })
      .sort({ created_at: -1, _id: -1 })
      .limit(limit)
      .lean<DeliveryJob[]>();
  }

  /**
   * Sends a job again now (manual retry): a finished one gets one more attempt (`manual`), a pending
   * one is brought forward; one being sent is left alone (null).
   */
  async retryNow(subscriptionId: string, id: string, now: string): Promise<DeliveryJob | null> {
    const owned = { _id: { $eq: id }, subscription_id: { $eq: subscriptionId } };
    const finished = await this.jobs
      .findOneAndUpdate(
        { ...owned, status: { $in: FINISHED } },
        {
          $set: {
            status: 'pending',
            manual: true,
            next_attempt_at: now,
            lease_until: null,
            reason: null,
            updated_at: now,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<DeliveryJob>();
    if (finished) return finished;
    return this.jobs
      .findOneAndUpdate(
        { ...owned, status: { $eq: 'pending' } },
        { $set: { next_attempt_at: now, updated_at: now } },
        { returnDocument: 'after' },
      )
      .lean<DeliveryJob>();
  }

  /** Drops finished jobs (delivered, failed, cancelled) last changed before `instant`: the log's retention. */
  async forgetFinishedBefore(instant: string): Promise<number> {
    const result = await this.jobs.deleteMany({ status: { $in: FINISHED }, updated_at: { $lt: instant } });
    await this.claims.deleteMany({ created_at: { $lt: instant } });
    return result.deletedCount;
  }
}
