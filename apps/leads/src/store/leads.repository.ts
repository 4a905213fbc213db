import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { duplicateKeyIndexes, isDuplicateKey } from './duplicate-keys';
import { LEAD_MODEL, LeadDocument, NewLead } from './lead.schema';
import { listBucketKey } from './list-buckets';

export interface BucketQuery {
  campaignId: string;
  bucket: number;
  /** The compiled filter of the token and the list's own query parameters, already validated. */
  conditions: Record<string, unknown>[];
  after: { created_at: string; id: string } | null;
  limit: number;
}

const UPDATES_PER_COMMAND = 16;

/** The only place that touches the leads collection. Every value is wrapped in `$eq` or another operator. */
@Injectable()
export class LeadsRepository {
  constructor(@InjectModel(LEAD_MODEL) private readonly leads: Model<LeadDocument>) {}

  /** Inserts, or answers false when a lead with this id exists already (a retried idempotent create). */
  async insert(lead: LeadDocument): Promise<boolean> {
    try {
      await this.leads.create(lead);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Inserts many in one unordered insert; leads that exist already (a retried idempotent batch) are left as they are. */
  async insertMany(leads: LeadDocument[]): Promise<void> {
    if (leads.length === 0) return;
    try {
      // lean: leads built by LeadWriter from validated input; no mongoose casting on the bulk path.
      await this.leads.insertMany(leads, { ordered: false, lean: true });
    } catch (error) {
      duplicateKeyIndexes(error); // rethrows anything but duplicates
    }
  }

  async findInCampaign(campaignId: string, id: string): Promise<LeadDocument | null> {
    return this.leads.findOne({ _id: { $eq: id }, campaign_id: { $eq: campaignId } }).lean<LeadDocument>();
  }

  async findById(id: string): Promise<LeadDocument | null> {
    return this.leads.findOne({ _id: { $eq: id } }).lean<LeadDocument>();
  }

  /**
   * How many leads of an account's campaign a compiled filter query selects. A whole-campaign
   * read, not bucket by bucket (ADR 014): a count reads every lead of the campaign either way, and
   * this also counts leads not filed in a bucket yet.
   */
  async countMatching(accountId: string, campaignId: string, query: Record<string, unknown>): Promise<number> {
    return this.leads.countDocuments(inCampaign(accountId, campaignId, query));
  }

  /** The ids of the first `limit` leads (creation order) of an account's campaign that a compiled query selects. */
  async idsMatching(
    accountId: string,
    campaignId: string,
    query: Record<string, unknown>,
    limit: number,
  ): Promise<string[]> {
    const leads = await this.leads
      .find(inCampaign(accountId, campaignId, query), { _id: 1 })
      .sort({ created_at: 1, _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return leads.map((lead) => lead._id);
  }

  /** One list bucket's leads in (created_at, _id) order, after `after` (list-buckets.ts). */
  async listBucket(query: BucketQuery): Promise<LeadDocument[]> {
    const conditions: Record<string, unknown>[] = [...query.conditions];
    if (query.after) {
      conditions.push({
        $or: [
          { created_at: { $gt: query.after.created_at } },
          { created_at: { $eq: query.after.created_at }, _id: { $gt: query.after.id } },
        ],
      });
    }
    // Bucket and campaign stay top-level equalities: FerretDB pushes only those down to PostgreSQL,
    // so the query reads one bucket's leads; the conditions are applied to those.
    const filter = {
      list_bucket: { $eq: listBucketKey(query.campaignId, query.bucket) },
      campaign_id: { $eq: query.campaignId },
      ...(conditions.length > 0 ? { $and: conditions } : {}),
    };
    return this.leads.find(filter).sort({ created_at: 1, _id: 1 }).limit(query.limit).lean<LeadDocument[]>();
  }

  /**
   * Leads stored before list buckets existed (list-bucket-backfill.ts), in one pass: FerretDB
   * cannot push `$exists` down, so each query would read the whole collection.
   */
  unfiled(batchSize: number): AsyncIterable<NewLead> {
    return this.leads
      .find({ list_bucket: { $exists: false } })
      .batchSize(batchSize)
      .lean<NewLead>()
      .cursor();
  }

  /**
   * Sets the list bucket of leads that have none (a lead filed meanwhile keeps its bucket), a few
   * updates per command: FerretDB v1 keeps each statement's PostgreSQL connection until the whole
   * command ends, so one command of more statements than its pool has connections never ends (240
   * here, tools/infra; 50 by default), and a long one starves every other caller meanwhile.
   */
  async file(leads: LeadDocument[]): Promise<void> {
    for (let start = 0; start < leads.length; start += UPDATES_PER_COMMAND) {
      await this.leads.bulkWrite(
        leads.slice(start, start + UPDATES_PER_COMMAND).map((lead) => ({
          updateOne: {
            filter: { _id: { $eq: lead._id }, list_bucket: { $exists: false } },
            update: { $set: { list_bucket: lead.list_bucket } },
          },
        })),
        { ordered: false },
      );
    }
  }

  /**
   * Writes the lead as it is after version `lead.version`, if it is at the version before. Every
   * writer of a given version writes the same snapshot (the change log decided who owns it), so a
   * repeated or racing apply changes nothing.
   */
  async applySnapshot(lead: LeadDocument): Promise<void> {
    const { fields, select_field_values, status, relations, version, updated_at } = lead;
    await this.leads.updateOne(
      { _id: { $eq: lead._id }, version: { $eq: version - 1 } },
      { $set: { fields, select_field_values, status, relations, version, updated_at } },
    );
  }
}

/** Account and campaign stay top-level equalities (FerretDB pushes those down); the query goes under `$and`. */
function inCampaign(accountId: string, campaignId: string, query: Record<string, unknown>) {
  return { account_id: { $eq: accountId }, campaign_id: { $eq: campaignId }, $and: [query] };
}
