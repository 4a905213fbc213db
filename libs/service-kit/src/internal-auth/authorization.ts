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

/** The admin API is for account-level credentials; a partner's campaign token never reaches it. */
export function requireAccountLevel(principal: Principal): void {
  if (principal.kind !== 'account' && principal.kind !== 'access') {
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
