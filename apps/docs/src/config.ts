import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const docsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8084),
  /** Where partners reach the platform (the gateway): the base URL the documents show. */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:8080'),
});

export type DocsConfig = z.infer<typeof docsConfigSchema>;
