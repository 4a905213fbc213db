import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';
import { deliveryConfigShape } from './delivery/delivery.config';

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const webhooksConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8085),
  MONGO_DATABASE: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,40}$/)
    .default('leadgate_webhooks'),
  /**
   * Keys that seal webhook signing secrets at rest (AES-256-GCM, ADR 020): comma-separated
   * `<key id>:<base64 of 32 bytes>`. The first seals; every listed key opens, so a key rotates by
   * putting the new one first and dropping the old one once nothing is sealed with it. Or
   * WEBHOOK_SECRET_KEYS_FILE, a file holding that list (a mounted Secret). One is required.
   */
  WEBHOOK_SECRET_KEYS: z.string().min(1).optional(),
  WEBHOOK_SECRET_KEYS_FILE: z.string().min(1).optional(),
  /**
   * Lets subscriptions target private, loopback and link-local addresses and plain http (API.md §12).
   * Off in production; the embedded platform (`npm start`) and the tests turn it on.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: flag,
  /** Subscriptions one token may hold; a bound on what one partner can make the dispatcher do. */
  WEBHOOK_MAX_SUBSCRIPTIONS_PER_TOKEN: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * How long the dispatcher keeps an account's active subscriptions (0: read them for every event).
   * A subscription written in another replica is seen by this one's dispatcher within this time.
   */
  WEBHOOK_SUBSCRIPTION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  ...deliveryConfigShape,
});

export type WebhooksConfig = z.infer<typeof webhooksConfigSchema>;
