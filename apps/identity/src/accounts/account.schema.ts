import { AccountStateV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const ACCOUNT_MODEL = 'Account';

export interface AccountDocument extends Omit<AccountStateV1, 'id'> {
  _id: string;
  created_at: string;
  publish_pending: boolean;
}

export const accountSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    default_rate_limit_per_minute: { type: Number, default: null },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    created_at: { type: String, required: true },
    updated_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'accounts' },
);

// Serves the state outbox sweep.
accountSchema.index({ publish_pending: 1 });
