import { SessionStateV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const SESSION_MODEL = 'Session';

export interface SessionDocument extends Omit<SessionStateV1, 'id'> {
  _id: string;
  publish_pending: boolean;
}

export const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    user_id: { type: String, required: true },
    secret_sha256: { type: String, required: true },
    created_at: { type: String, required: true },
    expires_at: { type: String, required: true },
    idle_expires_at: { type: String, required: true },
    revoked_at: { type: String, default: null },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    updated_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'sessions' },
);

// Removing a person ends all of their sessions.
sessionSchema.index({ user_id: 1 });
// Serves the state outbox sweep.
sessionSchema.index({ publish_pending: 1 });
