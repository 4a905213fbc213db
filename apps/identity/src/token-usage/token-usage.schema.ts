import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const TOKEN_USAGE_MODEL = 'TokenUsage';

/**
 * When a token was last used, kept apart from the token document on purpose: FerretDB v1 writes
 * an update as a read and then a whole-document write (ADR 001), so a usage stamp written into the
 * token could carry an older copy of it over a concurrent revocation.
 */
export interface TokenUsageDocument {
  /** The token id. */
  _id: string;
  last_used_at: string;
}

export const tokenUsageSchema = new Schema(
  {
    _id: { type: String, required: true },
    last_used_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'token_usage' },
);
