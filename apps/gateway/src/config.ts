import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';

export const gatewayConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
