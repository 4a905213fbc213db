/** A person's role (API.md §11), most privileged first. */
export type Role = 'owner' | 'admin' | 'developer' | 'viewer';

export const ROLE_OPTIONS: readonly { id: Role; label: string; description: string }[] = [
  { id: 'owner', label: 'Owner', description: 'Everything, including other owners' },
  { id: 'admin', label: 'Admin', description: 'Everything but owners' },
  { id: 'developer', label: 'Developer', description: 'Campaigns, tokens and leads; not people nor the audit log' },
  { id: 'viewer', label: 'Viewer', description: 'Reads only' },
];

export function roleLabel(role: string): string {
  return ROLE_OPTIONS.find((option) => option.id === role)?.label ?? role;
}

/**
 * The roles a person may give, change or take away (no escalation, API.md §2 and §11): owners and
 * admins hold every scope, so they may grant any role, but only an owner touches owners. A
 * developer or viewer covers no other role (each lacks scopes the other has) and may manage no one.
 * The API checks again; this only decides which choices are offered.
 */
const GRANTABLE: Readonly<Record<string, Role[]>> = {
  owner: ['owner', 'admin', 'developer', 'viewer'],
  admin: ['admin', 'developer', 'viewer'],
};

export function grantableRoles(myRole: string | undefined): Role[] {
  return myRole && Object.hasOwn(GRANTABLE, myRole) ? GRANTABLE[myRole] : [];
}

/** Whether the person may change or remove someone with `targetRole`. */
export function mayManage(myRole: string | undefined, targetRole: string): boolean {
  return (grantableRoles(myRole) as string[]).includes(targetRole);
}
