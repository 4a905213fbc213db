import { AccountStateV1, TokenStateV1 } from '@leadgate/contracts';

/**
 * The requests a minute the gateway allows a token, by the gateway's own rule
 * (apps/gateway rate-limit.service.ts `limitFor`): the token's limit, else its account's default,
 * else the platform's (`RATE_LIMIT_PER_MINUTE`, which this service must be given as the gateway is).
 */
export function tokenRateLimit(
  token: Pick<TokenStateV1, 'rate_limit_per_minute'>,
  account: Pick<AccountStateV1, 'default_rate_limit_per_minute'> | undefined,
  platformDefault: number,
): number {
  return token.rate_limit_per_minute ?? account?.default_rate_limit_per_minute ?? platformDefault;
}
