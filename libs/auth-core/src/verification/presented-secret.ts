import { secretMatches } from '@leadgate/auth-core/tokens/secret-hash';

/** The parts of a token's state that decide whether a presented secret is accepted. */
export interface VerifiableToken {
  secret_hashes: readonly { sha256: string; valid_until: string | null }[];
  revoked_at: string | null;
  expires_at: string | null;
}

export type SecretCheck = 'ok' | 'wrong_secret' | 'revoked' | 'expired';

/**
 * Whether `secret` opens `token` at `now`: one of its live secret hashes matches (a rotated-out
 * secret stays live only until its grace period ends), and the token is neither revoked nor
 * expired. Every hash is compared, in constant time each, so timing does not tell which matched.
 */
export function checkPresentedSecret(token: VerifiableToken, secret: string, now: Date): SecretCheck {
  let matched = false;
  for (const hash of token.secret_hashes) {
    const live = hash.valid_until === null || Date.parse(hash.valid_until) > now.getTime();
    if (secretMatches(secret, hash.sha256) && live) matched = true;
  }
  if (!matched) return 'wrong_secret';
  if (token.revoked_at !== null) return 'revoked';
  if (token.expires_at !== null && Date.parse(token.expires_at) <= now.getTime()) return 'expired';
  return 'ok';
}
