import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LeadChange } from './lead-change.schema';
import { LEAD_OUTBOX_MODEL, LeadOutboxEntry, StoredLeadOutboxEntry } from './lead-outbox.schema';

/** The only place that touches the outbox: entries are inserted once and deleted once produced. */
@Injectable()
export class LeadOutboxRepository {
  constructor(@InjectModel(LEAD_OUTBOX_MODEL) private readonly entries: Model<StoredLeadOutboxEntry>) {}

  async add(entry: LeadOutboxEntry): Promise<void> {
    const stored: StoredLeadOutboxEntry = {
      _id: entry._id,
      changes_json: JSON.stringify(entry.changes),
      created_at: entry.created_at,
    };
    await this.entries.insertMany([stored], { lean: true });
  }

  /** Everything pending: the collection holds nothing else, so this is O(pending). */
  async pending(): Promise<LeadOutboxEntry[]> {
    return (await this.entries.find({}).lean<StoredLeadOutboxEntry[]>()).map(entryOf);
  }

  /**
   * Ids and ages of everything pending, without the changes: the sweep looks often and mostly finds
   * entries their writers are publishing right now, each up to a batch of leads.
   */
  async pendingHeads(): Promise<Pick<LeadOutboxEntry, '_id' | 'created_at'>[]> {
    return this.entries.find({}, { _id: 1, created_at: 1 }).lean<Pick<LeadOutboxEntry, '_id' | 'created_at'>[]>();
  }

  async findById(id: string): Promise<LeadOutboxEntry | null> {
    const stored = await this.entries.findOne({ _id: { $eq: id } }).lean<StoredLeadOutboxEntry>();
    return stored ? entryOf(stored) : null;
  }

  /**
   * Published entries, many in one delete. FerretDB does not push `$in` down, so it reads the whole
   * outbox to find them: that is O(pending), a handful of entries unless Kafka is away.
   */
  async removeMany(ids: string[]): Promise<void> {
    await this.entries.deleteMany({ _id: { $in: ids } });
  }
}

function entryOf(stored: StoredLeadOutboxEntry): LeadOutboxEntry {
  const changes = stored.changes_json ? (JSON.parse(stored.changes_json) as LeadChange[]) : (stored.changes ?? []);
  return { _id: stored._id, changes, created_at: stored.created_at };
}
