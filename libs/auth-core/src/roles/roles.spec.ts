import { covers } from '@leadgate/auth-core/scopes/scope-matching';
import { ROLE_SCOPES, ROLES, scopesOfRole } from './roles';

describe('roles', () => {
  it('gives owners and admins everything', () => {
    expect(scopesOfRole('owner')).toEqual(['admin']);
    expect(scopesOfRole('admin')).toEqual(['admin']);
  });

  it('gives developers every concrete scope but admin, users and the audit log', () => {
    const developer = scopesOfRole('developer');
    expect(developer).toEqual(expect.arrayContaining(['leads:write', 'tokens:write', 'credentials:write']));
    for (const scope of ['admin', 'users:read', 'users:write', 'audit:read']) expect(developer).not.toContain(scope);
  });

  it('gives viewers only read scopes', () => {
    const viewer = scopesOfRole('viewer');
    expect(viewer.length).toBeGreaterThan(0);
    expect(viewer.every((scope) => scope.endsWith(':read'))).toBe(true);
    expect(viewer).toContain('audit:read');
  });

  it('lets owners and admins cover every role, and no lesser role cover a greater one', () => {
    for (const role of ROLES) {
      expect(covers(ROLE_SCOPES.owner, ROLE_SCOPES[role])).toBe(true);
      expect(covers(ROLE_SCOPES.admin, ROLE_SCOPES[role])).toBe(true);
    }
    expect(covers(ROLE_SCOPES.developer, ROLE_SCOPES.admin)).toBe(false);
    // API.md §11: a viewer reads people and the audit log, which a developer does not.
    expect(covers(ROLE_SCOPES.developer, ROLE_SCOPES.viewer)).toBe(false);
    expect(covers(ROLE_SCOPES.viewer, ROLE_SCOPES.developer)).toBe(false);
  });
});
