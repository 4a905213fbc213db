import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const DELIVERY_MODEL = 'WebhookDelivery';

/**
 * pending: waits for its time (and for earlier events of its lead); sending: a worker holds its lease;
 * delivered: answered 2xx; failed: given up (a day of failures, 410, or a manual retry that failed);
 * cancelled: not sent because the subscription or its token may no longer receive it.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';

export type AttemptOutcome = 'delivered' | 'failed' | 'gone' | 'timeout' | 'error' | 'blocked';

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  /** The receiver's HTTP status; null when there was no answer (timeout, refused, blocked target). */
  answer_status: number | null;
  latency_ms: number;
  outcome: AttemptOutcome;
  /** A short reason when there was no 2xx (never the receiver's body: it is not ours to keep). */
  error: string | null;
  next_retry_at: string | null;
}

/** One event for one subscription: the durable queue entry and its attempts. */
export interface DeliveryJob {
  _id: string;
  subscription_id: string;
  account_id: string;
  token_id: string;
  event_id: string;
  event_type: string;
  /** Null for a test event. */
  lead_id: string | null;
  /** Per subscription and lead, a job waits for every unfinished job of a lower version: order per lead. */
  lead_version: number;
  /**
   * The event as it came from leads.events.v1 (or the test event), as JSON text. Decided and
   * projected again at each attempt, so a revocation or a narrower field access applies to what is
   * still queued; only the projection is ever sent.
   */
  event_json: string;
  status: DeliveryStatus;
  /** A manual retry: one attempt, not retried automatically. */
  manual: boolean;
  attempts: number;
  next_attempt_at: string;
  first_failed_at: string | null;
  lease_until: string | null;
  /** Why it ended as it did (failed, cancelled), e.g. `gone`, `token_not_live`. */
  reason: string | null;
  history: DeliveryAttempt[];
  created_at: string;
  updated_at: string;
}

export const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    subscription_id: { type: String, required: true },
    account_id: { type: String, required: true },
    token_id: { type: String, required: true },
    event_id: { type: String, required: true },
    event_type: { type: String, required: true },
    lead_id: { type: String, default: null },
    lead_version: { type: Number, required: true },
    event_json: { type: String, required: true },
    status: { type: String, required: true },
    manual: { type: Boolean, required: true },
    attempts: { type: Number, required: true },
    next_attempt_at: { type: String, required: true },
    first_failed_at: { type: String, default: null },
    lease_until: { type: String, default: null },
    reason: { type: String, default: null },
    history: { type: [Schema.Types.Mixed], default: [] },
    created_at: { type: String, required: true },
    updated_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'webhook_deliveries' },
);

// One job per event and subscription: a redelivered Kafka message stores nothing twice.
deliverySchema.index({ subscription_id: 1, event_id: 1 }, { unique: true });
// The worker's due scan, and its crash recovery (expired leases).
deliverySchema.index({ status: 1, next_attempt_at: 1 });
deliverySchema.index({ status: 1, lease_until: 1 });
// Order per lead.
deliverySchema.index({ subscription_id: 1, lead_id: 1, lead_version: 1 });
// The retention clean-up of finished jobs.
deliverySchema.index({ status: 1, updated_at: 1 });
// GET /v1/webhooks/{id}/deliveries, newest first.
deliverySchema.index({ subscription_id: 1, created_at: -1 });
