import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

/**
 * Value of `identity.users.v1`, keyed by user id: a person of an account as the gateways need them
 * to check a session (role, hence scopes) and to answer `GET /v1/auth/session`. Never a password or
 * invitation hash. A removed user is a tombstone, which ends every session of theirs at once.
 */
export const userStateV1 = z.object({
  id: idSchema,
  account_id: idSchema,
  email: z.string().min(3).max(254),
  role: z.enum(['owner', 'admin', 'developer', 'viewer']),
  /** Invited people cannot sign in until they accepted and set a password. */
  status: z.enum(['invited', 'active']),
  version: z.number().int().positive(),
  updated_at: isoDateTimeSchema,
});

export type UserStateV1 = z.infer<typeof userStateV1>;
