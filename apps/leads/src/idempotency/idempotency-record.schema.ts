import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const IDEMPOTENCY_MODEL = 'IdempotencyRecord';

export interface StoredOutcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface IdempotencyRecord {
  /**
   * SHA-256 of the key's scope (owner, endpoint, campaign: idempotencyScope) and the key: keys are
   * per caller, endpoint and campaign, and never stored in the clear.
   */
  _id: string;
  request_hash: string;
  state: 'in_flight' | 'done';
  lease_until: string;
  outcome: StoredOutcome | null;
  created_at: string;
  expires_at: string;
}

export const idempotencyRecordSchema = new Schema(
  {
    _id: { type: String, required: true },
    request_hash: { type: String, required: true },
    state: { type: String, required: true },
    lease_until: { type: String, required: true },
    outcome: { type: Schema.Types.Mixed, default: null },
    created_at: { type: String, required: true },
    expires_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'idempotency_keys' },
);

// Serves the hourly clean-up of keys past their retention.
idempotencyRecordSchema.index({ expires_at: 1 });
