import { HttpStatus } from '@nestjs/common';
import { Role, scopesOfRole } from '@leadgate/auth-core';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { requirePrivilege } from '@identity/privilege/privilege-rule';

/**
 * Who may invite, re-role or remove whom (API.md §2 and §11), on top of the operation's scope:
 * - the caller's scopes must cover every role involved (a developer-scoped token cannot make an
 *   admin; nobody makes someone more powerful than themselves);
 * - only a person who is an owner touches owners (making, demoting or removing one); no token does;
 * - the account keeps at least one active owner.
 */
export interface RoleChange {
  /** The target's role now; null for an invitation. */
  from: Role | null;
  /** The role it gets; null for a removal. */
  to: Role | null;
}

/** `callerRole`: the role of the person calling, or null when the caller is a token. */
export function requireRoleChangeAllowed(principal: Principal, callerRole: Role | null, change: RoleChange): void {
  for (const role of [change.from, change.to]) {
    if (role === null) continue;
    requirePrivilege(principal, 'users:write', { what: `a user with the ${role} role`, scopes: scopesOfRole(role) });
  }
  const touchesOwner = change.from === 'owner' || change.to === 'owner';
  if (touchesOwner && callerRole !== 'owner') {
    throw new ProblemException(
      HttpStatus.FORBIDDEN,
      'insufficient_scope',
      'Insufficient scope',
      'Only an owner, signed in, can make, change or remove owners.',
    );
  }
}

/** 409 when the change would leave the account without an active owner. */
export function requireAnOwnerLeft(change: RoleChange, activeOwners: number): void {
  const losesOwner = change.from === 'owner' && change.to !== 'owner';
  if (losesOwner && activeOwners <= 1) {
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'last_owner',
      'Last owner',
      'The account must keep at least one owner; make another owner first.',
    );
  }
}
