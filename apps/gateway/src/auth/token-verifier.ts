import { HttpStatus, Injectable } from '@nestjs/common';
import { checkPresentedSecret, parseTokenString, tokenIdFor } from '@leadgate/auth-core';
import { TokenStateV1, TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { ProblemException } from '@leadgate/service-kit';

/** A token the gateway accepted: its state as the platform knows it (never the secret). */
export type AuthenticatedToken = TokenStateV1;

export type TokenRefusal = 'malformed' | 'unknown' | 'wrong_secret' | 'revoked' | 'expired' | 'credential_disabled';

export type Verification = { ok: true; token: AuthenticatedToken } | { ok: false; reason: TokenRefusal };

/**
 * Verifies Bearer tokens locally, from this gateway's read models of token and credential state:
 * the string's shape and checksum first (no lookup for a mistyped token), then the token by its id,
 * its secret hash in constant time, revocation, expiry, and for access tokens their credential.
 * If the read models are stale beyond the bound it refuses to decide (503): fail closed.
 */
@Injectable()
export class TokenVerifier {
  constructor(private readonly readModels: ReadModels) {}

  verify(presented: string, now = new Date()): Verification {
    const parsed = parseTokenString(presented);
    if (!parsed.ok || (parsed.kind !== 'api_token' && parsed.kind !== 'access_token'))
      return { ok: false, reason: 'malformed' };
    const tokens = this.readModels.of(TOPICS.identityTokens);
    const credentials = this.readModels.of(TOPICS.identityCredentials);
    if (!tokens.fresh || (parsed.kind === 'access_token' && !credentials.fresh)) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'auth_unavailable',
        'Authorization unavailable',
        'The gateway cannot confirm token state right now; try again shortly.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
    const token = tokens.get(tokenIdFor(parsed.kind, parsed.publicId));
    if (!token) return { ok: false, reason: 'unknown' };
    const check = checkPresentedSecret(token, parsed.secret, now);
    if (check !== 'ok') return { ok: false, reason: check };
    if (token.credential_id !== null && credentials.get(token.credential_id)?.enabled !== true) {
      return { ok: false, reason: 'credential_disabled' };
    }
    return { ok: true, token };
  }
}
