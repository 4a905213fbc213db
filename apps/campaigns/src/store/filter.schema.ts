import { FilterStateV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const FILTER_MODEL = 'Filter';

export interface FilterDocument extends Omit<FilterStateV1, 'id'> {
  _id: string;
  created_at: string;
  publish_pending: boolean;
  deleted_at: string | null;
}

// The condition is validated against the campaign schema before it is stored, and kept as-is.
export const filterSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    campaign_id: { type: String, required: true },
    name: { type: String, required: true },
    condition: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    deleted_at: { type: String, default: null },
    created_at: { type: String, required: true },
    updated_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'filters' },
);

// Serves GET /v1/admin/campaigns/:id/filters and the schema-change check (every filter of a campaign).
filterSchema.index({ campaign_id: 1, created_at: 1 });
filterSchema.index({ publish_pending: 1 });
