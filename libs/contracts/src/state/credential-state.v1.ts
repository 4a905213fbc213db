import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

export const SCOPE_GROUPS = ['account_api', 'data_api', 'lead_receiver'] as const;

/** Value of `identity.credentials.v1`, keyed by credential id. No client secret, not even hashed. */
export const credentialStateV1 = z.object({
  id: idSchema,
  account_id: idSchema,
  client_id: z.string().max(100),
  description: z.string().max(500),
  scope_groups: z.array(z.enum(SCOPE_GROUPS)).min(1),
  enabled: z.boolean(),
  version: z.number().int().positive(),
  updated_at: isoDateTimeSchema,
});

export type CredentialStateV1 = z.infer<typeof credentialStateV1>;
