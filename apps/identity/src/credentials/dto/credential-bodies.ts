import { z } from 'zod';

export const createCredentialSchema = z
  .object({
    description: z.string().trim().max(500).default(''),
    scope_groups: z.array(z.string().max(64)).min(1).max(3),
  })
  .strict();

export type CreateCredentialBody = z.infer<typeof createCredentialSchema>;
