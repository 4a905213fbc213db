import { AuditEntryV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const AUDIT_LOG_MODEL = 'AuditLogEntry';

/** An entry of the account's audit log, as received from `platform.audit.v1`. Append-only. */
export interface AuditLogDocument extends Omit<AuditEntryV1, 'id'> {
  _id: string;
}

export const auditLogSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    at: { type: String, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    action: { type: String, required: true },
    target: { type: Schema.Types.Mixed, required: true },
    campaign_id: { type: String, default: null },
    request_id: { type: String, default: null },
    client_ip: { type: String, default: null },
    service: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'audit_log' },
);

// Pages of one account, newest first.
auditLogSchema.index({ account_id: 1, at: -1, _id: -1 });
