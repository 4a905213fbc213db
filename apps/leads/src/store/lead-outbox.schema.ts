import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';
import { LeadChange } from './lead-change.schema';

export const LEAD_OUTBOX_MODEL = 'LeadOutboxEntry';

/**
 * Changes committed together (one create, one update, or a chunk of a batch) whose events are not
 * on Kafka yet. Written after the changes are claimed and before the leads are written; deleted
 * once the events are produced. So the collection holds only what is pending: the relay's sweep
 * reads it whole (O(pending), never the history), and one entry per group keeps it to one insert
 * and one delete by `_id` per commit, whatever the group's size.
 */
export interface LeadOutboxEntry {
  _id: string;
  changes: LeadChange[];
  created_at: string;
}

/**
 * As stored: the changes as one JSON string. Nothing queries inside them, and FerretDB v1 converts
 * every nested value to and from its JSONB form on each insert, read and delete (its delete reads
 * the document first): for an entry of 1,000 changes that cost ~250 ms per step, a string ~30 ms.
 */
export interface StoredLeadOutboxEntry {
  _id: string;
  changes_json: string;
  created_at: string;
  /** Entries written before `changes_json` carried the changes as documents. */
  changes?: LeadChange[];
}

export const leadOutboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    changes_json: { type: String, required: true },
    changes: { type: [Schema.Types.Mixed], default: undefined },
    created_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'lead_outbox' },
);
