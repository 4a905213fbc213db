import { z } from 'zod';
import { fieldAccessSchema } from './field-access.v1';
import { idSchema, isoDateTimeSchema } from './ids';

const docsKeySchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

/**
 * Value of `identity.tokens.v1`, keyed by token id. It never carries a secret: only the SHA-256
 * of each live secret (a secret has at least 160 random bits, so its hash reveals nothing usable),
 * which is what lets the gateway verify tokens locally without calling identity.
 */
export const tokenStateV1 = z.object({
  id: idSchema,
  account_id: idSchema,
  kind: z.enum(['campaign', 'account', 'access']),
  name: z.string().max(200),
  scopes: z.array(z.string().max(64)).max(64),
  /** Campaign tokens: the partner-facing short form the scopes were derived from. */
  permissions: z.array(z.enum(['read', 'write', 'webhooks'])).nullable(),
  campaign_id: idSchema.nullable(),
  filter_id: idSchema.nullable(),
  /** The credential an access token was issued from; disabling it ends the token. */
  credential_id: idSchema.nullable(),
  secret_hashes: z
    .array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), valid_until: isoDateTimeSchema.nullable() }))
    .max(4),
  /** Unguessable key of the token's public documentation page; it dies with the token and rotates with it. */
  docs_key: docsKeySchema.nullable(),
  /**
   * Docs keys replaced by a rotation, each still served until `valid_until` (the rotation's grace
   * period), like the previous secret. Optional (absent in states published before it existed).
   */
  previous_docs_keys: z
    .array(z.object({ key: docsKeySchema, valid_until: isoDateTimeSchema }))
    .max(4)
    .optional()
    .default([]),
  /**
   * Campaign tokens: which fields it sees hidden, masked or read-only (API.md §13). Null for every
   * other token, and absent (null) in states published before it existed.
   */
  field_access: fieldAccessSchema.nullable().optional().default(null),
  expires_at: isoDateTimeSchema.nullable(),
  revoked_at: isoDateTimeSchema.nullable(),
  rate_limit_per_minute: z.number().int().positive().nullable(),
  version: z.number().int().positive(),
  updated_at: isoDateTimeSchema,
});

export type TokenStateV1 = z.infer<typeof tokenStateV1>;

/**
 * A token as a replica's read model knows it is live: neither revoked nor past its expiry. Every
 * service that re-checks a caller, or acts for a token later (webhooks), asks this one question.
 */
export function isLiveToken(token: Pick<TokenStateV1, 'revoked_at' | 'expires_at'>, now = Date.now()): boolean {
  return token.revoked_at === null && (token.expires_at === null || Date.parse(token.expires_at) > now);
}
