import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const LEAD_MODEL = 'Lead';

export interface LeadSource {
  kind: 'api' | 'receiver';
  /** The token, access token or credential that created the lead; `anonymous` for open receivers. */
  id: string;
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
  /** `<campaign>#<n>`: the list bucket the lead was filed in when it was committed (list-buckets.ts). */
  list_bucket: string;
}

/** A lead made from a request, before it is committed and filed in a list bucket. */
export type NewLead = Omit<LeadDocument, 'list_bucket'>;

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
    list_bucket: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'leads' },
);

// Serves the partner list: one bucket of one campaign, in creation order (list-buckets.ts). Its
// leading field also gets the GIN index FerretDB's pushed-down equality uses (tools/infra).
leadSchema.index({ list_bucket: 1, created_at: 1, _id: 1 });
