import { HttpStatus, Injectable } from '@nestjs/common';
import { covers } from '@leadgate/auth-core';
import { isAccountLevel, Principal, ProblemException } from '@leadgate/service-kit';
import { SubscriptionDocument } from './subscription.schema';
import { SubscriptionOwners } from './subscription-owners';
import { SubscriptionsRepository } from './subscriptions.repository';

/**
 * Which subscription a caller may act on through `/v1/webhooks/{id}` (and the deliveries, retry and
 * test routes): those of its own token, and, for an account-level caller, those of any token of its
 * account whose scopes its own cover (API.md §2: no escalation). Everything else, another account's
 * above all, is 404: the answer never tells a subscription that exists from one that does not.
 */
@Injectable()
export class SubscriptionAccess {
  constructor(
    private readonly repository: SubscriptionsRepository,
    private readonly owners: SubscriptionOwners,
  ) {}

  async findFor(principal: Principal, id: string): Promise<SubscriptionDocument> {
    this.owners.requireLiveCaller(principal);
    const subscription = await this.repository.findInAccount(principal.account_id, id);
    if (subscription && this.mayActOn(principal, subscription)) return subscription;
    throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such webhook.');
  }

  mayActOn(principal: Principal, subscription: SubscriptionDocument): boolean {
    if (subscription.account_id !== principal.account_id) return false;
    if (subscription.token_id === principal.token_id && principal.kind !== 'user') return true;
    if (!isAccountLevel(principal)) return false;
    const token = this.owners.token(subscription.token_id);
    return token !== undefined && token.account_id === principal.account_id && covers(principal.scopes, token.scopes);
  }
}
