import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const identityConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  MONGO_DATABASE: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,40}$/)
    .default('leadgate_identity'),
  /** Where partners reach the platform; docs_url links are built from it. */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:8080'),
  STATE_REPUBLISH_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  /** How long a token creation waits for a campaign or filter made a moment ago to reach this service. */
  READ_YOUR_WRITES_WAIT_MS: z.coerce.number().int().min(0).default(3000),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().positive().default(3600),
  /** A console session ends after this long unused (API.md §11: 12 h at most). */
  SESSION_IDLE_S: z.coerce.number().int().positive().max(43200).default(43200),
  /** ...and after this long in any case. */
  SESSION_MAX_S: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
  /** An invitation link works once, for this long (API.md §11: 72 h). */
  INVITATION_TTL_S: z.coerce
    .number()
    .int()
    .positive()
    .default(72 * 3600),
});

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
