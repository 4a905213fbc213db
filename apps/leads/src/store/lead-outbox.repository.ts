import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LEAD_OUTBOX_MODEL, LeadOutboxEntry } from './lead-outbox.schema';

/** The only place that touches the outbox: entries are inserted once and deleted once produced. */
@Injectable()
export class LeadOutboxRepository {
  constructor(@InjectModel(LEAD_OUTBOX_MODEL) private readonly entries: Model<LeadOutboxEntry>) {}

  async add(entry: LeadOutboxEntry): Promise<void> {
    await this.entries.insertMany([entry], { lean: true });
  }

  /** Everything pending: the collection holds nothing else, so this is O(pending). */
  async pending(): Promise<LeadOutboxEntry[]> {
    return this.entries.find({}).lean<LeadOutboxEntry[]>();
  }

  /**
   * Ids and ages of everything pending, without the changes: the sweep looks often and mostly finds
   * entries their writers are publishing right now, each up to a batch of leads.
   */
  async pendingHeads(): Promise<Pick<LeadOutboxEntry, '_id' | 'created_at'>[]> {
    return this.entries.find({}, { _id: 1, created_at: 1 }).lean<Pick<LeadOutboxEntry, '_id' | 'created_at'>[]>();
  }

  async findById(id: string): Promise<LeadOutboxEntry | null> {
    return this.entries.findOne({ _id: { $eq: id } }).lean<LeadOutboxEntry>();
  }

  /** By `_id` equality, one entry at a time: FerretDB pushes equality down, not `$in`. */
  async remove(id: string): Promise<void> {
    await this.entries.deleteOne({ _id: { $eq: id } });
  }
}
