import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LEAD_MODEL, LeadDocument, PendingLeadEvent } from './lead.schema';

export type LeadChanges = Partial<Pick<LeadDocument, 'fields' | 'select_field_values' | 'status' | 'relations'>>;

export interface ListQuery {
  campaignId: string;
  /** The compiled filter of the token and the list's own query parameters, already validated. */
  conditions: Record<string, unknown>[];
  after: { created_at: string; id: string } | null;
  limit: number;
}

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
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async findInCampaign(campaignId: string, id: string): Promise<LeadDocument | null> {
    return this.leads.findOne({ _id: { $eq: id }, campaign_id: { $eq: campaignId } }).lean<LeadDocument>();
  }

  async findById(id: string): Promise<LeadDocument | null> {
    return this.leads.findOne({ _id: { $eq: id } }).lean<LeadDocument>();
  }

  /** A page in (created_at, _id) order: stable while leads are being added. */
  async list(query: ListQuery): Promise<LeadDocument[]> {
    const conditions: Record<string, unknown>[] = [{ campaign_id: { $eq: query.campaignId } }, ...query.conditions];
    if (query.after) {
      conditions.push({
        $or: [
          { created_at: { $gt: query.after.created_at } },
          { created_at: { $eq: query.after.created_at }, _id: { $gt: query.after.id } },
        ],
      });
    }
    return this.leads
      .find({ $and: conditions }, { outbox: 0, outbox_pending: 0 })
      .sort({ created_at: 1, _id: 1 })
      .limit(query.limit)
      .lean<LeadDocument[]>();
  }

  /**
   * Applies a change only if the lead is still at `version`, with its event in the same
   * single-document write (the lead's own outbox). Null when another writer got there first.
   */
  async update(id: string, version: number, changes: LeadChanges, event: (next: LeadDocument) => PendingLeadEvent) {
    const current = await this.findById(id);
    if (!current || current.version !== version) return null;
    const now = new Date().toISOString();
    const next: LeadDocument = { ...current, ...changes, version: version + 1, updated_at: now };
    const updated = await this.leads
      .findOneAndUpdate(
        { _id: { $eq: id }, version: { $eq: version } },
        {
          $set: { ...changes, version: version + 1, updated_at: now, outbox_pending: true },
          $push: { outbox: event(next) },
        },
        { returnDocument: 'after' },
      )
      .lean<LeadDocument>();
    return updated;
  }

  async findWithPendingEvents(limit: number): Promise<LeadDocument[]> {
    return this.leads
      .find({ outbox_pending: { $eq: true } })
      .limit(limit)
      .lean<LeadDocument[]>();
  }

  /** Drops the events that are on Kafka now, unless the lead changed meanwhile (then the relay reads again). */
  async clearPublished(id: string, version: number, publishedIds: string[]): Promise<boolean> {
    const lead = await this.findById(id);
    if (!lead || lead.version !== version) return false;
    const remaining = lead.outbox.filter((event) => !publishedIds.includes(event.id));
    const result = await this.leads.updateOne(
      { _id: { $eq: id }, version: { $eq: version } },
      { $set: { outbox: remaining, outbox_pending: remaining.length > 0 } },
    );
    return result.modifiedCount === 1;
  }
}
