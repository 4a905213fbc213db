import { TokenStateV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const TOKEN_MODEL = 'Token';

/** A stored token: its published state plus what only identity keeps (usage, audit, outbox mark). */
export interface TokenDocument extends Omit<TokenStateV1, 'id'> {
  _id: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  publish_pending: boolean;
}

// Token state is validated by its zod contract before it is stored, so nested pieces are kept as-is.
export const tokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    kind: { type: String, required: true },
    name: { type: String, required: true },
    scopes: { type: [String], default: [] },
    permissions: { type: Schema.Types.Mixed, default: null },
    campaign_id: { type: String, default: null },
    filter_id: { type: String, default: null },
    field_access: { type: Schema.Types.Mixed, default: null },
    credential_id: { type: String, default: null },
    secret_hashes: { type: Array, default: [] },
    docs_key: { type: String, default: null },
    // Docs keys replaced by a rotation, each alive until the end of that rotation's grace period.
    previous_docs_keys: { type: Array, default: [] },
    expires_at: { type: String, default: null },
    revoked_at: { type: String, default: null },
    rate_limit_per_minute: { type: Number, default: null },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    created_at: { type: String, required: true },
    created_by: { type: String, required: true },
    updated_at: { type: String, required: true },
    last_used_at: { type: String, default: null },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'tokens' },
);

// Serves GET /v1/admin/tokens and GET /v1/admin/campaigns/:id/tokens (one account, by kind/campaign).
tokenSchema.index({ account_id: 1, kind: 1, campaign_id: 1, created_at: -1 });
// Serves the state outbox sweep.
tokenSchema.index({ publish_pending: 1 });
// Serves disabling a credential: every access token issued from it.
tokenSchema.index({ credential_id: 1 });
