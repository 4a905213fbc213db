import { CredentialStateV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const CREDENTIAL_MODEL = 'Credential';

export interface CredentialDocument extends Omit<CredentialStateV1, 'id'> {
  _id: string;
  /** SHA-256 of the client secret; the secret itself is shown once and never stored. */
  secret_sha256: string;
  created_at: string;
  created_by: string;
  publish_pending: boolean;
}

export const credentialSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    client_id: { type: String, required: true },
    description: { type: String, default: '' },
    scope_groups: { type: [String], required: true },
    enabled: { type: Boolean, required: true },
    secret_sha256: { type: String, required: true },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    created_at: { type: String, required: true },
    created_by: { type: String, required: true },
    updated_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'credentials' },
);

// Serves POST /oauth/token: the client id names the credential.
credentialSchema.index({ client_id: 1 }, { unique: true });
// Serves GET /v1/admin/credentials.
credentialSchema.index({ account_id: 1, created_at: -1 });
credentialSchema.index({ publish_pending: 1 });
