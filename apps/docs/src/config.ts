import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const docsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8084),
});

export type DocsConfig = z.infer<typeof docsConfigSchema>;
