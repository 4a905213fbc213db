import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const SUBSCRIPTION_MODEL = 'WebhookSubscription';

export type SubscriptionStatus = 'active' | 'disabled';

/**
 * One webhook subscription (API.md §12). It belongs to one token and sees what that token may read;
 * its signing secret is stored only sealed (ADR 020), and never leaves in any answer but the one
 * that made or rotated it.
 */
export interface SubscriptionDocument {
  _id: string;
  account_id: string;
  token_id: string;
  /** The token's campaign (null for an account token), kept for listing; the dispatcher asks the read model. */
  campaign_id: string | null;
  url: string;
  events: string[];
  description: string | null;
  status: SubscriptionStatus;
  disabled_reason: string | null;
  disabled_at: string | null;
  sealed_secret: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export const subscriptionSchema = new Schema(
  {
    _id: { type: String, required: true },
    account_id: { type: String, required: true },
    token_id: { type: String, required: true },
    campaign_id: { type: String, default: null },
    url: { type: String, required: true },
    events: { type: [String], required: true },
    description: { type: String, default: null },
    status: { type: String, required: true },
    disabled_reason: { type: String, default: null },
    disabled_at: { type: String, default: null },
    sealed_secret: { type: String, required: true },
    created_at: { type: String, required: true },
    updated_at: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'subscriptions' },
);

// A token's own list (GET /v1/webhooks) and its count against the limit.
subscriptionSchema.index({ account_id: 1, token_id: 1, created_at: 1 });
// The account's list, and the dispatcher's active subscriptions of an account.
subscriptionSchema.index({ account_id: 1, status: 1 });
