import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const campaignsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8082),
  MONGO_DATABASE: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,40}$/)
    .default('leadgate_campaigns'),
  /** How often state that was stored but not yet acknowledged by Kafka is published again. */
  STATE_REPUBLISH_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
});

export type CampaignsConfig = z.infer<typeof campaignsConfigSchema>;
