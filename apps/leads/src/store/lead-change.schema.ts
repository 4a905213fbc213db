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
 *  - it is the outbox: the relay publishes it as the event (same id), so a change that was
 *    committed always gets its event, and a crash before the lead was written is rolled forward.
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
  applied: boolean;
  published: boolean;
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
    lead: { type: Schema.Types.Mixed, required: true },
    applied: { type: Boolean, required: true },
    published: { type: Boolean, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'lead_changes' },
);

// Serves the relay: changes not yet on Kafka.
leadChangeSchema.index({ published: 1 });
// Serves the roll-forward before a write: a lead's changes not yet applied, in version order.
leadChangeSchema.index({ lead_id: 1, applied: 1, version: 1 });
