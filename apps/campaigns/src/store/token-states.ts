import { HttpStatus, Injectable } from '@nestjs/common';
import { isLiveToken, TokenStateV1, TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { invalidTokenProblem, ProblemException } from '@leadgate/service-kit';

/** `name (id)` of each token, for problem details that say which tokens are in the way. */
export function namesOf(tokens: readonly Pick<TokenStateV1, 'id' | 'name'>[]): string {
  return tokens.map((token) => `${token.name} (${token.id})`).join(', ');
}

/**
 * Token state from `identity.tokens.v1` as this replica knows it: which live tokens use a filter or
 * a campaign's fields (so a change does not pull them from under those tokens), and the calling
 * token's own state (its field access, for the partner schema).
 */
@Injectable()
export class TokenStates {
  constructor(private readonly readModels: ReadModels) {}

  live(where: (token: TokenStateV1) => boolean): TokenStateV1[] {
    const now = Date.now();
    return this.readModels
      .of(TOPICS.identityTokens)
      .values()
      .filter((token) => where(token) && isLiveToken(token, now));
  }

  /**
   * The calling token's live state, or 401 when this replica knows it as revoked, expired or not at
   * all, and 503 when its token state is too stale to tell: a narrowed token never reads as a full one.
   */
  liveCaller(tokenId: string): TokenStateV1 {
    const tokens = this.readModels.of(TOPICS.identityTokens);
    if (!tokens.fresh) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'scope_unavailable',
        'Scope unavailable',
        'The campaign service cannot confirm token state right now; try again shortly.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
    const token = tokens.get(tokenId);
    if (!token || !isLiveToken(token)) throw invalidTokenProblem();
    return token;
  }
}
