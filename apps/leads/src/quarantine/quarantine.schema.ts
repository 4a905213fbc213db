import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const QUARANTINE_MODEL = 'QuarantinedPost';

export type QuarantineReason = 'missing_token' | 'invalid_token' | 'insufficient_scope' | 'wrong_account';

/** A receiver post that was refused for want of valid authentication, kept until an admin decides. */
export interface QuarantinedPost {
  _id: string;
  account_id: string;
  campaign_id: string;
  reason: QuarantineReason;
  state: 'held' | 'released' | 'discarded';
  /**
   * The post as received (parsed body) as JSON text, so it can be released later. Text, because a
   * posted key may contain `.` or start with `$`, which the database refuses as a document key.
   */
  body_json: string;
  from_form: boolean;
  client_address: string | null;
  received_at: string;
  decided_at: string | null;
  lead_id: string | null;
  /** True until its `lead.quarantined` event is on Kafka. */
  event_pending: boolean;
}

export const quarantinedPostSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    campaign_id: { type: String, required: true },
    reason: { type: String, required: true },
    state: { type: String, required: true },
    body_json: { type: String, required: true },
    from_form: { type: Boolean, required: true },
    client_address: { type: String, default: null },
    received_at: { type: String, required: true },
    decided_at: { type: String, default: null },
    lead_id: { type: String, default: null },
    event_pending: { type: Boolean, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'quarantine' },
);

// Serves GET /v1/admin/quarantine (one account's held posts, oldest first).
quarantinedPostSchema.index({ account_id: 1, state: 1, received_at: 1 });
quarantinedPostSchema.index({ event_pending: 1 });
