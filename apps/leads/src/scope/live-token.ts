import { TokenStateV1 } from '@leadgate/contracts';

/** A token as this replica knows it is live when it is neither revoked nor past its expiry. */
export function isLiveToken(token: Pick<TokenStateV1, 'revoked_at' | 'expires_at'>, now: number): boolean {
  return token.revoked_at === null && (token.expires_at === null || Date.parse(token.expires_at) > now);
}
