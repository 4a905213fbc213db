import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

/**
 * Value of `identity.sessions.v1`, keyed by session id: a console session as every gateway replica
 * checks it, the same way as token state (ADR 007). Only the SHA-256 of the session secret is
 * published; the secret itself lives in the person's cookie and nowhere else.
 */
export const sessionStateV1 = z.object({
  id: idSchema,
  account_id: idSchema,
  user_id: idSchema,
  secret_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  created_at: isoDateTimeSchema,
  /** The latest the session may live, however busy. */
  expires_at: isoDateTimeSchema,
  /** Moved forward as the session is used (gateway usage reports); unused until then, it ends. */
  idle_expires_at: isoDateTimeSchema,
  revoked_at: isoDateTimeSchema.nullable(),
  version: z.number().int().positive(),
  updated_at: isoDateTimeSchema,
});

export type SessionStateV1 = z.infer<typeof sessionStateV1>;
