import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Who is calling, as established by the gateway, carried to the services on every forwarded request. */
export const principalSchema = z.object({
  token_id: z.string().max(64),
  account_id: z.string().max(64),
  // 'anonymous' is a public route (OAuth token endpoint, docs pages); 'service' an operator tool.
  kind: z.enum(['campaign', 'account', 'access', 'service', 'anonymous']),
  scopes: z.array(z.string().max(64)).max(64),
  campaign_id: z.string().max(64).nullable(),
  filter_id: z.string().max(64).nullable(),
  /**
   * On routes where a token is optional (the lead receiver): why the token the caller sent was not
   * accepted, so the service can keep the post in quarantine with that reason instead of losing it.
   */
  auth_failure: z.enum(['invalid_token', 'insufficient_scope']).nullable().optional(),
  /** Unix seconds after which the signature is refused; the gateway signs per request, so this is short. */
  exp: z.number().int(),
});

export type Principal = z.infer<typeof principalSchema>;

export const PRINCIPAL_HEADER = 'x-leadgate-principal';
export const SIGNATURE_HEADER = 'x-leadgate-signature';

/**
 * HMAC-SHA256 over method, path and the encoded principal: a signature lifted from one request
 * cannot authorize another path or method, and it expires within seconds.
 */
export class PrincipalSigner {
  constructor(private readonly key: string) {}

  sign(method: string, path: string, principal: Principal): Record<string, string> {
    const encoded = Buffer.from(JSON.stringify(principal), 'utf8').toString('base64url');
    return { [PRINCIPAL_HEADER]: encoded, [SIGNATURE_HEADER]: this.mac(method, path, encoded) };
  }

  /** Returns the principal, or null when the headers are missing, forged, malformed or expired. */
  verify(method: string, path: string, encoded: unknown, signature: unknown, nowSeconds = Date.now() / 1000) {
    if (typeof encoded !== 'string' || typeof signature !== 'string' || encoded.length > 8192) return null;
    const expected = Buffer.from(this.mac(method, path, encoded));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const parsed = principalSchema.safeParse(decoded);
    if (!parsed.success || parsed.data.exp < nowSeconds) return null;
    return parsed.data;
  }

  private mac(method: string, path: string, encoded: string): string {
    return createHmac('sha256', this.key).update(`${method.toUpperCase()}\n${path}\n${encoded}`).digest('base64url');
  }
}
