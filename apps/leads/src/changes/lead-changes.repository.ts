import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LEAD_CHANGE_MODEL, LeadChange } from './lead-change.schema';

/** The only place that touches the lead change log. Records are inserted once and only flagged after. */
@Injectable()
export class LeadChangesRepository {
  constructor(@InjectModel(LEAD_CHANGE_MODEL) private readonly changes: Model<LeadChange>) {}

  /** True when this change got its version; false when another writer holds it already. */
  async claim(change: LeadChange): Promise<boolean> {
    try {
      await this.changes.create(change);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<LeadChange | null> {
    return this.changes.findOne({ _id: { $eq: id } }).lean<LeadChange>();
  }

  async unapplied(leadId: string): Promise<LeadChange[]> {
    return this.changes
      .find({ lead_id: { $eq: leadId }, applied: { $eq: false } })
      .sort({ version: 1 })
      .lean<LeadChange[]>();
  }

  async unpublished(limit: number): Promise<LeadChange[]> {
    return this.changes
      .find({ published: { $eq: false } })
      .limit(limit)
      .lean<LeadChange[]>();
  }

  async unpublishedOf(leadId: string): Promise<LeadChange[]> {
    return this.changes
      .find({ lead_id: { $eq: leadId }, published: { $eq: false } })
      .sort({ version: 1 })
      .lean<LeadChange[]>();
  }

  async markApplied(id: string): Promise<void> {
    await this.changes.updateOne({ _id: { $eq: id } }, { $set: { applied: true } });
  }

  async markPublished(id: string): Promise<void> {
    await this.changes.updateOne({ _id: { $eq: id } }, { $set: { published: true } });
  }
}
