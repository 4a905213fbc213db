/**
 * The lead events a webhook subscription may ask for (API.md §12): those of §8 a partner's slice
 * can see happen. The subscriptions' bodies, the dispatcher and the per-token docs all use this list.
 */
export const WEBHOOK_EVENT_TYPES = ['lead.created', 'lead.updated', 'lead.status_changed'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event `POST /v1/webhooks/{id}/test` sends: a CloudEvent like the others, with no lead. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';
