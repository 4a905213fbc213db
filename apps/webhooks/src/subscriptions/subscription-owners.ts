import { HttpStatus, Injectable } from '@nestjs/common';
import { grants, uncoveredScopes } from '@leadgate/auth-core';
import { isLiveToken, TokenStateV1, TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { authorizeAdmin, invalidTokenProblem, Principal, ProblemException } from '@leadgate/service-kit';

const notFound = (what: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', `No such ${what}.`);

/**
 * The tokens subscriptions belong to, from this replica's read model of `identity.tokens.v1`: the
 * caller's own token (checked again here, revocations included, as leads does) and the token an
 * admin makes a subscription for (the privilege rule of identity: 404 outside the caller's account,
 * 403 when the caller's scopes do not cover the token's).
 */
@Injectable()
export class SubscriptionOwners {
  constructor(private readonly readModels: ReadModels) {}

  token(tokenId: string): TokenStateV1 | undefined {
    return this.readModels.of(TOPICS.identityTokens).get(tokenId);
  }

  /** The calling token, which must be an API token (subscriptions belong to one) and live. */
  callerToken(principal: Principal): TokenStateV1 {
    if (principal.kind !== 'campaign' && principal.kind !== 'account') {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'insufficient_scope',
        'Insufficient scope',
        'Webhook subscriptions belong to an API token: call with a campaign or account token.',
      );
    }
    return this.liveCaller(principal);
  }

  /** Re-checks a token caller against this replica's copy; people and other principals pass as the gateway let them. */
  requireLiveCaller(principal: Principal): void {
    if (principal.kind === 'campaign' || principal.kind === 'account' || principal.kind === 'access') {
      this.liveCaller(principal);
    }
  }

  /**
   * The token an admin acts on: the operation's scope first (it reveals nothing about ids), then the
   * lookup in the caller's account (404), then the privilege rule (403 naming what is missing).
   */
  manageableToken(principal: Principal, tokenId: string, operationScope: string): TokenStateV1 {
    authorizeAdmin(principal, operationScope);
    this.requireFresh();
    this.requireLiveCaller(principal);
    const token = this.token(tokenId);
    if (!token || token.account_id !== principal.account_id) throw notFound('token');
    const missing = uncoveredScopes(principal.scopes, token.scopes);
    if (missing.length > 0) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'insufficient_scope',
        'Insufficient scope',
        `Only a caller holding every scope of the token may manage its webhooks; missing: ${missing.join(' ')}.`,
        undefined,
        { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${missing.join(' ')}"` },
      );
    }
    return token;
  }

  /** Why this token cannot own a new subscription, or null. */
  ownerProblem(token: TokenStateV1): string | null {
    if (token.kind !== 'campaign' && token.kind !== 'account') return 'only campaign and account tokens have webhooks';
    if (!isLiveToken(token)) return 'the token is revoked or expired';
    if (!grants(token.scopes, 'leads:read'))
      return 'the token cannot read leads, so a webhook of it would receive nothing';
    return null;
  }

  private liveCaller(principal: Principal): TokenStateV1 {
    this.requireFresh();
    const token = this.token(principal.token_id);
    if (!token || token.account_id !== principal.account_id || !isLiveToken(token)) throw invalidTokenProblem();
    return token;
  }

  private requireFresh(): void {
    if (!this.readModels.of(TOPICS.identityTokens).fresh) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'scope_unavailable',
        'Scope unavailable',
        'The webhooks service cannot confirm token state right now; try again shortly.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
  }
}
