import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const identityConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  MONGO_DATABASE: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,40}$/)
    .default('leadgate_identity'),
});

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
