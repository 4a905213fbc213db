import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const docsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8084),
  /** Where partners reach the platform (the gateway): the base URL the documents show. */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:8080'),
  /**
   * The gateway's per-token default rate limit (same name, same default), shown on the page for a
   * token whose own limit and account default are unset: set it wherever the gateway's is set.
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
});

export type DocsConfig = z.infer<typeof docsConfigSchema>;
