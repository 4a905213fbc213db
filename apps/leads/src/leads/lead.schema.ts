import { LeadEventV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const LEAD_MODEL = 'Lead';

export interface LeadSource {
  kind: 'api' | 'receiver';
  /** The token, access token or credential that created the lead; `anonymous` for open receivers. */
  id: string;
}

/** An event waiting in the lead's own outbox: written in the same single-document write as the change. */
export interface PendingLeadEvent {
  id: string;
  type: LeadEventV1['type'];
  time: string;
  changed: string[];
  actor: LeadEventV1['data']['actor'];
  /** The lead right after this change, as the event carries it. */
  lead: Record<string, unknown>;
}

export interface LeadDocument {
  _id: string;
  account_id: string;
  campaign_id: string;
  fields: Record<string, string | number | boolean>;
  select_field_values: Record<string, string>;
  status: string;
  relations: Record<string, string>;
  version: number;
  source: LeadSource;
  created_at: string;
  updated_at: string;
  outbox: PendingLeadEvent[];
  /** True while `outbox` holds events; indexed, so the relay finds them without scanning every lead. */
  outbox_pending: boolean;
}

export const leadSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    campaign_id: { type: String, required: true },
    fields: { type: Schema.Types.Mixed, default: {} },
    select_field_values: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, required: true },
    relations: { type: Schema.Types.Mixed, default: {} },
    version: { type: Number, required: true },
    source: { type: Schema.Types.Mixed, required: true },
    created_at: { type: String, required: true },
    updated_at: { type: String, required: true },
    outbox: { type: Array, default: [] },
    outbox_pending: { type: Boolean, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'leads' },
);

// Serves the partner list: one campaign, in creation order, cursor on (created_at, _id).
leadSchema.index({ campaign_id: 1, created_at: 1, _id: 1 });
// Serves the outbox relay: leads with events not yet on Kafka.
leadSchema.index({ outbox_pending: 1 });
