import { HttpStatus } from '@nestjs/common';
import { covers, uncoveredScopes } from '@leadgate/auth-core';
import { authorizeAdmin, isAccountLevel, Principal, ProblemException } from '@leadgate/service-kit';

/**
 * The one privilege rule of the admin plane (API.md §2 "No escalation"): an operation on a token,
 * a credential or an access token is allowed iff the caller is account-level, holds the
 * operation's scope, and its scopes cover the target's. Every create, change, rotate, revoke,
 * enable/disable and secret-bearing read goes through `requirePrivilege`; nothing else decides.
 *
 * Order, so that ids of other accounts stay 404: `requireOperation` before any lookup (it reveals
 * nothing about ids), then the lookup in the caller's account (404), then `requirePrivilege` with
 * the target that was found.
 */
export function requireOperation(principal: Principal, operationScope: string): void {
  authorizeAdmin(principal, operationScope);
}

/** 403 `insufficient_scope` naming the target scopes the caller does not hold. */
export function requirePrivilege(
  principal: Principal,
  operationScope: string,
  target: { what: string; scopes: readonly string[] },
): void {
  requireOperation(principal, operationScope);
  const missing = uncoveredScopes(principal.scopes, target.scopes);
  if (missing.length === 0) return;
  throw new ProblemException(
    HttpStatus.FORBIDDEN,
    'insufficient_scope',
    'Insufficient scope',
    `Only a caller holding every scope of ${target.what} may do this; missing: ${missing.join(' ')}.`,
    undefined,
    { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${missing.join(' ')}"` },
  );
}

/**
 * For reads: may the caller see the target's secret-bearing state (a token's docs link)? The same
 * rule as `requirePrivilege`, answered instead of thrown, so a list can show what it may.
 */
export function maySeeSecretsOf(principal: Principal, targetScopes: readonly string[]): boolean {
  return isAccountLevel(principal) && covers(principal.scopes, targetScopes);
}
