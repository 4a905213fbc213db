import { UserStateV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const USER_MODEL = 'User';

/** A pending invitation: the SHA-256 of its one-time secret and when it stops working. */
export interface StoredInvitation {
  sha256: string;
  expires_at: string;
}

/** A person of an account: the published state plus what only identity keeps. */
export interface UserDocument extends Omit<UserStateV1, 'id'> {
  _id: string;
  /** Lower-cased e-mail of a live user (unique); `removed:<id>` once removed, so the address is free again. */
  email_key: string;
  /** `scrypt$...` (password-hash.ts); null until an invitation is accepted. */
  password_hash: string | null;
  invitation: StoredInvitation | null;
  created_at: string;
  created_by: string;
  removed_at: string | null;
  publish_pending: boolean;
}

/** The unique key of a live user's e-mail: what sign-in and invitations compare. */
export const emailKeyOf = (email: string) => email.trim().toLowerCase();

export const userSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    email: { type: String, required: true },
    email_key: { type: String, required: true },
    role: { type: String, required: true },
    status: { type: String, required: true },
    password_hash: { type: String, default: null },
    invitation: { type: Schema.Types.Mixed, default: null },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    created_at: { type: String, required: true },
    created_by: { type: String, required: true },
    updated_at: { type: String, required: true },
    removed_at: { type: String, default: null },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'users' },
);

// Sign-in finds a person by e-mail; one live user per address, platform-wide.
userSchema.index({ email_key: 1 }, { unique: true });
userSchema.index({ account_id: 1 });
// Serves the state outbox sweep.
userSchema.index({ publish_pending: 1 });
