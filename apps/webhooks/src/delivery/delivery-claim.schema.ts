import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const DELIVERY_CLAIM_MODEL = 'WebhookDeliveryClaim';

/**
 * A worker's claim of one job in one state. Its id names the job and the state the worker saw
 * (status, attempts, lease, last change), so of two workers that saw the same state exactly one
 * inserts it; the other gets a duplicate key. The insert decides because FerretDB 1.x does not make
 * `findAndModify` or conditional updates atomic (two concurrent claims both "won" there).
 */
export interface DeliveryClaim {
  _id: string;
  job_id: string;
  created_at: string;
}

export const deliveryClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    job_id: { type: String, required: true },
    created_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'webhook_delivery_claims' },
);

// The retention clean-up.
deliveryClaimSchema.index({ created_at: 1 });
