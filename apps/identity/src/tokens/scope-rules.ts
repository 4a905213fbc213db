import { HttpStatus } from '@nestjs/common';
import { isSubsetOf, scopesOutside } from '@leadgate/auth-core';
import { Principal, ProblemException } from '@leadgate/service-kit';

/** No privilege escalation: a caller can only hand out scopes it holds itself. */
export function requireCanGrant(principal: Principal, requested: readonly string[]): void {
  if (isSubsetOf(requested, principal.scopes)) return;
  const missing = scopesOutside(requested, principal.scopes);
  throw new ProblemException(
    HttpStatus.FORBIDDEN,
    'insufficient_scope',
    'Insufficient scope',
    `A token can only grant scopes its creator holds; missing: ${missing.join(' ')}.`,
  );
}

export function validationProblem(errors: { path: string; message: string }[]): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'validation_failed',
    'Validation failed',
    'The request body has problems; see errors.',
    errors,
  );
}

/** Expiry must be in the future (a token born expired is a mistake, not a request). */
export function expiryProblems(expiresAt: string | null | undefined): { path: string; message: string }[] {
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
    return [{ path: 'expires_at', message: 'must be in the future' }];
  }
  return [];
}
