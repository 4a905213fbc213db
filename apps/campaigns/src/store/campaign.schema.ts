import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';
import { CampaignSchemaStateV1 } from '@leadgate/contracts';

export const CAMPAIGN_MODEL = 'Campaign';

/** A stored campaign: its public state plus `publish_pending`, true until Kafka acknowledged this version. */
export interface CampaignDocument extends Omit<CampaignSchemaStateV1, 'id'> {
  _id: string;
  created_at: string;
  publish_pending: boolean;
  /** Set when the campaign is deleted: kept so the tombstone can be published, never shown. */
  deleted_at: string | null;
}

// Schema pieces are validated by their zod contracts before they get here, so they are stored as-is.
export const campaignSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    name: { type: String, required: true },
    fields: { type: Array, default: [] },
    selects: { type: Array, default: [] },
    statuses: { type: Array, default: [] },
    relations: { type: Array, default: [] },
    receiver: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    deleted_at: { type: String, default: null },
    created_at: { type: String, required: true },
    updated_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'campaigns' },
);

// Serves the admin list: GET /v1/admin/campaigns (one account, newest first).
campaignSchema.index({ account_id: 1, created_at: -1 });
// Serves the republish sweep: campaigns whose latest version Kafka has not acknowledged yet.
campaignSchema.index({ publish_pending: 1 });
