import { ProblemException, Principal } from '@leadgate/service-kit';
import { scopesOfRole } from '@leadgate/auth-core';
import { userStateV1 } from '@leadgate/contracts';
import { ROLES } from '@leadgate/auth-core';
import { requireAnOwnerLeft, requireRoleChangeAllowed } from './user-rules';

const principal = (kind: Principal['kind'], scopes: readonly string[]): Principal => ({
  token_id: kind === 'user' ? 'usr_caller' : 'tok_caller',
  account_id: 'acct_1',
  kind,
  scopes: [...scopes],
  campaign_id: null,
  filter_id: null,
});

function statusOf(action: () => void): number | 'ok' {
  try {
    action();
    return 'ok';
  } catch (error) {
    if (error instanceof ProblemException) return error.getStatus();
    throw error;
  }
}

describe('user rules', () => {
  it('publishes exactly the roles the catalogue knows', () => {
    expect(userStateV1.shape.role.options).toEqual([...ROLES]);
  });

  it('lets an admin invite anyone but an owner, and an owner anyone', () => {
    const admin = principal('user', scopesOfRole('admin'));
    expect(statusOf(() => requireRoleChangeAllowed(admin, 'admin', { from: null, to: 'admin' }))).toBe('ok');
    expect(statusOf(() => requireRoleChangeAllowed(admin, 'admin', { from: null, to: 'owner' }))).toBe(403);
    const owner = principal('user', scopesOfRole('owner'));
    expect(statusOf(() => requireRoleChangeAllowed(owner, 'owner', { from: null, to: 'owner' }))).toBe('ok');
  });

  it('never lets a token touch owners, even an admin token', () => {
    const adminToken = principal('account', ['admin']);
    expect(statusOf(() => requireRoleChangeAllowed(adminToken, null, { from: null, to: 'owner' }))).toBe(403);
    expect(statusOf(() => requireRoleChangeAllowed(adminToken, null, { from: 'owner', to: null }))).toBe(403);
    expect(statusOf(() => requireRoleChangeAllowed(adminToken, null, { from: 'viewer', to: 'admin' }))).toBe('ok');
  });

  it('refuses to make anyone more powerful than the caller', () => {
    const usersWriter = principal('account', ['users:write', 'users:read', 'leads:read']);
    expect(statusOf(() => requireRoleChangeAllowed(usersWriter, null, { from: null, to: 'developer' }))).toBe(403);
    expect(statusOf(() => requireRoleChangeAllowed(usersWriter, null, { from: 'admin', to: null }))).toBe(403);
    const developerPerson = principal('user', scopesOfRole('developer'));
    expect(statusOf(() => requireRoleChangeAllowed(developerPerson, 'developer', { from: null, to: 'viewer' }))).toBe(
      403,
    );
  });

  it('keeps the last owner', () => {
    expect(statusOf(() => requireAnOwnerLeft({ from: 'owner', to: null }, 1))).toBe(409);
    expect(statusOf(() => requireAnOwnerLeft({ from: 'owner', to: 'admin' }, 1))).toBe(409);
    expect(statusOf(() => requireAnOwnerLeft({ from: 'owner', to: null }, 2))).toBe('ok');
    expect(statusOf(() => requireAnOwnerLeft({ from: 'admin', to: null }, 1))).toBe('ok');
  });
});
