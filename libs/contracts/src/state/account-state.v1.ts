import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

/** Value of `identity.accounts.v1`, keyed by account id: account-wide settings the gateways apply. */
export const accountStateV1 = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  /** Requests a minute for tokens that set no limit of their own; null: the platform default. */
  default_rate_limit_per_minute: z.number().int().positive().nullable(),
  version: z.number().int().positive(),
  updated_at: isoDateTimeSchema,
});

export type AccountStateV1 = z.infer<typeof accountStateV1>;
