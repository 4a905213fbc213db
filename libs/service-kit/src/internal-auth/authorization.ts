import { grants } from '@leadgate/auth-core';
import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit/errors/problem';
import { Principal } from './principal';

/** True when the principal holds `scope` itself, `resource:*`, or `admin`. */
export function hasScope(principal: Principal, scope: string): boolean {
  return grants(principal.scopes, scope);
}

/** 403 insufficient_scope naming the scope the call needed (API.md §2). */
export function requireScope(principal: Principal, scope: string): void {
  if (!hasScope(principal, scope)) {
    throw new ProblemException(
      HttpStatus.FORBIDDEN,
      'insufficient_scope',
      'Insufficient scope',
      `This call needs the ${scope} scope.`,
      undefined,
      { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
    );
  }
}

/** Account-level callers: account tokens, OAuth access tokens, and people signed in to the console. */
export function isAccountLevel(principal: Principal): boolean {
  return principal.kind === 'account' || principal.kind === 'access' || principal.kind === 'user';
}

/** The admin API is for account-level callers; a partner's campaign token never reaches it. */
export function requireAccountLevel(principal: Principal): void {
  if (!isAccountLevel(principal)) {
    throw new ProblemException(
      HttpStatus.FORBIDDEN,
      'insufficient_scope',
      'Insufficient scope',
      'This call needs an account-level token.',
    );
  }
}

/** Admin API calls: an account-level token holding `scope`. */
export function authorizeAdmin(principal: Principal, scope: string): void {
  requireAccountLevel(principal);
  requireScope(principal, scope);
}
