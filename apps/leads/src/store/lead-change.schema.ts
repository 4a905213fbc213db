import { LeadEventV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';
import { LeadDocument } from './lead.schema';

export const LEAD_CHANGE_MODEL = 'LeadChange';

/**
 * One committed change of a lead: version `version`, the whole lead after it, and what its event
 * says. Inserted before the lead document is written, under a unique id (`<lead>:<version>`):
 *  - the insert decides which of two concurrent writers gets a version (the other gets a duplicate
 *    key), which holds even where `findAndModify` is not atomic (FerretDB);
 *  - it says what the event says (same id); until it is on Kafka it also waits in the outbox
 *    (LeadOutboxEntry), written before the lead, so a committed change always gets its event.
 * Never updated: the log only grows, and nothing on the write or publish path scans it.
 */
export interface LeadChange {
  _id: string;
  lead_id: string;
  version: number;
  type: LeadEventV1['type'];
  changed: string[];
  actor: LeadEventV1['data']['actor'];
  time: string;
  lead: LeadDocument;
}

/**
 * As stored: the lead as one JSON string. Nothing queries inside it, and FerretDB v1 converts every
 * nested value to its JSONB form on insert: for 1,000 changes ~250 ms as documents, ~120 ms as strings.
 */
export interface StoredLeadChange extends Omit<LeadChange, 'lead'> {
  lead_json: string;
  /** Records written before `lead_json` carried the lead as a document. */
  lead?: LeadDocument;
}

export function storedChangeOf({ lead, ...change }: LeadChange): StoredLeadChange {
  return { ...change, lead_json: JSON.stringify(lead) };
}

export function changeOfStored({ lead_json, lead, ...change }: StoredLeadChange): LeadChange {
  return { ...change, lead: lead_json ? (JSON.parse(lead_json) as LeadDocument) : (lead as LeadDocument) };
}

export const leadChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    lead_id: { type: String, required: true },
    version: { type: Number, required: true },
    type: { type: String, required: true },
    changed: { type: [String], default: [] },
    actor: { type: Schema.Types.Mixed, required: true },
    time: { type: String, required: true },
    lead_json: { type: String, required: true },
    lead: { type: Schema.Types.Mixed },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'lead_changes' },
);

// Serves the roll-forward before an update: a lead's changes after its stored version.
leadChangeSchema.index({ lead_id: 1, version: 1 });
