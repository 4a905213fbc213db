import { AuditEntryV1 } from '@leadgate/contracts';
import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const AUDIT_OUTBOX_MODEL = 'AuditOutboxEntry';

/** An audit entry as the recording service keeps it until Kafka acknowledged it (and after, as its own copy). */
export interface AuditOutboxDocument {
  _id: string;
  /** Entries never change: always 1, for the state outbox's bookkeeping. */
  version: number;
  publish_pending: boolean;
  entry: AuditEntryV1;
}

export const auditOutboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    publish_pending: { type: Boolean, required: true },
    entry: { type: Schema.Types.Mixed, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'audit_outbox' },
);

// Serves the outbox sweep.
auditOutboxSchema.index({ publish_pending: 1 });
