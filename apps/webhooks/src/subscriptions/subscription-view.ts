import { z } from 'zod';
import { SubscriptionDocument } from './subscription.schema';
import { subscriptionViewSchema } from './subscription-view.schema';

export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;

/** Field by field, so nothing stored (the sealed secret above all) can slip into an answer. */
export function toSubscriptionView(subscription: SubscriptionDocument): SubscriptionView {
  return {
    id: subscription._id,
    token_id: subscription.token_id,
    campaign_id: subscription.campaign_id,
    url: subscription.url,
    events: subscription.events as SubscriptionView['events'],
    description: subscription.description,
    status: subscription.status,
    disabled_reason: subscription.disabled_reason,
    disabled_at: subscription.disabled_at,
    created_at: subscription.created_at,
    updated_at: subscription.updated_at,
    version: subscription.version,
  };
}
