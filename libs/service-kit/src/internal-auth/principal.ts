import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Who is calling, as established by the gateway, carried to the services on every forwarded request. */
export const principalSchema = z.object({
  token_id: z.string().max(64),
  account_id: z.string().max(64),
  // 'anonymous' is a public route (OAuth token endpoint, docs pages); 'service' an operator tool,
  // accepted only when the operator's own key signed it (PrincipalVerifier).
  // 'user' is a person signed in to the console (API.md §11): token_id is then the user's id.
  kind: z.enum(['campaign', 'account', 'access', 'user', 'service', 'anonymous']),
  scopes: z.array(z.string().max(64)).max(64),
  campaign_id: z.string().max(64).nullable(),
  filter_id: z.string().max(64).nullable(),
  /**
   * On routes where a token is optional (the lead receiver): why the token the caller sent was not
   * accepted, so the service can keep the post in quarantine with that reason instead of losing it.
   */
  auth_failure: z.enum(['invalid_token', 'insufficient_scope']).nullable().optional(),
  /** The caller's address as the gateway determined it; services never read X-Forwarded-For. */
  client_ip: z.string().max(64).nullable().optional(),
  /** For OAuth access tokens: the credential the token was issued to. */
  credential_id: z.string().max(64).nullable().optional(),
  /** The token's name or the person's e-mail, for the audit log (never a secret). */
  actor_name: z.string().max(254).nullable().optional(),
  /** For people: the console session the call came with (sign-out ends exactly that one). */
  session_id: z.string().max(64).nullable().optional(),
  /**
   * When the gateway's caller must have its answer (Unix ms): a service starts no work that commits
   * after it (API.md §9: a 504 means nothing was stored). Absent on calls that carry no deadline.
   */
  deadline: z.number().int().positive().optional(),
});

export type Principal = z.infer<typeof principalSchema>;

/** What is signed besides the principal: a one-time id and a short expiry (Unix seconds). */
export const signedClaimsSchema = principalSchema.extend({
  jti: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  exp: z.number().int(),
});

export type SignedClaims = z.infer<typeof signedClaimsSchema>;

export const PRINCIPAL_HEADER = 'x-leadgate-principal';
export const SIGNATURE_HEADER = 'x-leadgate-signature';

/** Longest a signature may live; the gateway signs per request, so a few seconds is plenty. */
export const MAX_PRINCIPAL_TTL_SECONDS = 10;

/** The request a signature belongs to: method, path with query, and the exact body bytes (by digest). */
export interface SignedRequest {
  method: string;
  /** As sent on the wire (request.originalUrl): path and query string, unchanged. */
  pathWithQuery: string;
  /** base64url SHA-256 of the body bytes; bodyDigest(empty) when there is none. */
  bodyDigest: string;
}

export function bodyDigest(body: Buffer | string | undefined): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('base64url');
}

export const EMPTY_BODY_DIGEST = bodyDigest(undefined);

/** The bytes the signature covers. The version prefix keeps them apart from any other use of a key. */
export function signingInput(request: SignedRequest, encodedClaims: string): Buffer {
  return Buffer.from(
    [
      'leadgate-principal-v2',
      request.method.toUpperCase(),
      request.pathWithQuery,
      request.bodyDigest,
      encodedClaims,
    ].join('\n'),
    'utf8',
  );
}
