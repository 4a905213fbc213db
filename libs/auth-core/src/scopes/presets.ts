import { CONCRETE_SCOPES, Scope, ScopeString } from './scope-catalogue';

// Three short forms of scope lists from API.md §2. Each expands to catalogue scopes only; the specs
// hold them to that.

/**
 * Campaign token permissions, the short form partners know. `write` and `webhooks` always come with
 * `read`: `webhooks` lets the partner manage its own webhook subscriptions (API.md §12).
 */
export const CAMPAIGN_PERMISSION_SCOPES = {
  read: ['leads:read', 'files:read', 'campaigns:read'],
  write: ['leads:write', 'files:write'],
  webhooks: ['webhooks:read', 'webhooks:write'],
} as const satisfies Record<string, readonly Scope[]>;

export type CampaignPermission = keyof typeof CAMPAIGN_PERMISSION_SCOPES;

/** The order permissions are answered in, whatever order they were given in. */
export const CAMPAIGN_PERMISSIONS: readonly CampaignPermission[] = ['read', 'write', 'webhooks'];

const isCampaignPermission = (value: unknown): value is CampaignPermission =>
  typeof value === 'string' && (CAMPAIGN_PERMISSIONS as readonly string[]).includes(value);

export type CampaignPermissionsResult =
  | { ok: true; permissions: CampaignPermission[]; scopes: Scope[] }
  | { ok: false; reason: 'not_a_list' | 'unknown_permission' | 'duplicate' | 'missing_read'; message: string };

const refuse = (reason: Exclude<CampaignPermissionsResult, { ok: true }>['reason'], message: string) =>
  ({ ok: false, reason, message }) as const;

/**
 * Validates `permissions` of a campaign token: `"read"`, optionally with `"write"` and `"webhooks"`,
 * in any order. Anything else is refused with a reason, `["write"]` alone included: write without
 * read would let a partner create leads it cannot see, and the public docs could not describe the
 * result; webhooks without read would push leads the token could not read.
 */
export function parseCampaignPermissions(value: unknown): CampaignPermissionsResult {
  if (!Array.isArray(value) || value.length === 0) {
    return refuse('not_a_list', 'permissions must be ["read"], optionally with "write" and "webhooks"');
  }
  const seen = new Set<CampaignPermission>();
  for (const item of value as unknown[]) {
    if (!isCampaignPermission(item)) {
      return refuse('unknown_permission', 'permissions are "read", "write" and "webhooks"');
    }
    if (seen.has(item)) return refuse('duplicate', `permission "${item}" is given twice`);
    seen.add(item);
  }
  if (!seen.has('read')) {
    const needing = [...seen].map((permission) => `"${permission}"`);
    return refuse('missing_read', `${needing.join(' and ')} ${needing.length === 1 ? 'needs' : 'need'} "read" as well`);
  }
  const permissions = CAMPAIGN_PERMISSIONS.filter((permission) => seen.has(permission));
  return { ok: true, permissions, scopes: scopesForPermissions(permissions) };
}

/** The scopes of already validated permissions, in catalogue order. */
export function scopesForPermissions(permissions: readonly CampaignPermission[]): Scope[] {
  const wanted = new Set<Scope>(permissions.flatMap((permission) => CAMPAIGN_PERMISSION_SCOPES[permission]));
  return CONCRETE_SCOPES.filter((scope) => wanted.has(scope));
}

/** Account token presets, listed by `GET /v1/admin/scopes`; a token made from one stores these scopes. */
export const ACCOUNT_PRESETS = {
  read_only_analytics: {
    description: 'Read leads and campaigns, for reporting.',
    scopes: ['leads:read', 'campaigns:read'],
  },
  crm_sync: {
    description: 'Keep a CRM in sync: read and write leads and files, read campaigns.',
    scopes: ['leads:*', 'files:*', 'campaigns:read'],
  },
  lead_seller: {
    description: 'Post leads to the receiver and read the campaigns to post to.',
    scopes: ['receiver:post', 'campaigns:read'],
  },
  integration_admin: {
    description: 'Manage campaigns, tokens and client credentials, without lead data.',
    scopes: ['campaigns:*', 'tokens:*', 'credentials:*'],
  },
  full_admin: {
    description: 'Everything.',
    scopes: ['admin'],
  },
} as const satisfies Record<string, { description: string; scopes: readonly ScopeString[] }>;

export type AccountPreset = keyof typeof ACCOUNT_PRESETS;

export const ACCOUNT_PRESET_NAMES = Object.keys(ACCOUNT_PRESETS) as AccountPreset[];

export function isAccountPreset(name: unknown): name is AccountPreset {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACCOUNT_PRESETS, name);
}

/** The preset's scopes as written in API.md (wildcards kept; `expandScopes` gives the concrete list). */
export function scopesForPreset(preset: AccountPreset): ScopeString[] {
  return [...ACCOUNT_PRESETS[preset].scopes];
}

/**
 * Client credential scope groups, fixed when the credential is made. They list concrete scopes, not
 * wildcards, so a credential never gains an action the catalogue adds later.
 */
export const SCOPE_GROUP_SCOPES = {
  account_api: [
    'campaigns:read',
    'campaigns:write',
    'tokens:read',
    'tokens:write',
    'credentials:read',
    'credentials:write',
  ],
  data_api: ['leads:read', 'leads:write', 'files:read', 'files:write'],
  lead_receiver: ['receiver:post'],
} as const satisfies Record<string, readonly Scope[]>;

export type ScopeGroup = keyof typeof SCOPE_GROUP_SCOPES;

export const SCOPE_GROUP_NAMES = Object.keys(SCOPE_GROUP_SCOPES) as ScopeGroup[];

export function isScopeGroup(name: unknown): name is ScopeGroup {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(SCOPE_GROUP_SCOPES, name);
}

/** The union of the groups' scopes, each once, in catalogue order. */
export function scopesForGroups(groups: readonly ScopeGroup[]): Scope[] {
  const wanted = new Set<Scope>(groups.flatMap((group) => SCOPE_GROUP_SCOPES[group]));
  return CONCRETE_SCOPES.filter((scope) => wanted.has(scope));
}
