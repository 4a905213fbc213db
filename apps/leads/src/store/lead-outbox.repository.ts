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

  /** By `_id` equality, one entry at a time: FerretDB pushes equality down, not `$in`. */
  async remove(id: string): Promise<void> {
    await this.entries.deleteOne({ _id: { $eq: id } });
  }
}
