import { CONCRETE_SCOPES, Scope } from '@leadgate/auth-core/scopes/scope-catalogue';

/** A person's role in an account (API.md §11), most privileged first. */
export const ROLES = ['owner', 'admin', 'developer', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Scopes a developer never holds: people and the audit log are the admins' business. */
const DEVELOPER_EXCLUDED = new Set<string>(['admin', 'users:read', 'users:write', 'audit:read']);

/**
 * The scopes a role grants, from the one scope catalogue: `owner` and `admin` everything; `developer`
 * every concrete scope but `admin`, `users:*` and `audit:read` (partner tokens with read+write, never
 * an `admin` token); `viewer` every `:read` scope.
 */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  owner: ['admin'],
  admin: ['admin'],
  developer: CONCRETE_SCOPES.filter((scope) => !DEVELOPER_EXCLUDED.has(scope)),
  viewer: CONCRETE_SCOPES.filter((scope) => scope.endsWith(':read')),
};

export function scopesOfRole(role: Role): readonly Scope[] {
  return ROLE_SCOPES[role];
}
