/**
 * The scope catalogue of API.md §2. A scope is `resource:action`; `resource:*` stands for every
 * action of a resource and `admin` for everything. The descriptions are what `GET /v1/admin/scopes`
 * shows, so they are written for account admins, not for us.
 */
export const SCOPE_CATALOGUE = [
  { scope: 'leads:read', description: 'Read leads, within the token campaign and filter.' },
  { scope: 'leads:write', description: 'Create and update leads, within the token campaign and filter.' },
  { scope: 'files:read', description: 'List and download files attached to leads.' },
  { scope: 'files:write', description: 'Upload files to leads.' },
  { scope: 'campaigns:read', description: 'Read campaigns and their schema, filters and receiver settings.' },
  {
    scope: 'campaigns:write',
    description: 'Create and change campaigns: schema, selects, statuses, relations, filters, receiver.',
  },
  { scope: 'tokens:read', description: 'List and read API tokens (never their secrets).' },
  { scope: 'tokens:write', description: 'Create, change, rotate and revoke API tokens.' },
  { scope: 'credentials:read', description: 'List and read client credentials (never their secrets).' },
  { scope: 'credentials:write', description: 'Create, enable and disable client credentials.' },
  { scope: 'receiver:post', description: 'Post leads to the lead receiver.' },
  { scope: 'events:read', description: 'Read lead events and their documentation (AsyncAPI).' },
  { scope: 'webhooks:read', description: 'List webhook subscriptions and their deliveries (never their secrets).' },
  {
    scope: 'webhooks:write',
    description: 'Create, change, test and delete webhook subscriptions and rotate their signing secrets.',
  },
  { scope: 'users:read', description: 'List the people of the account and their roles.' },
  { scope: 'users:write', description: 'Invite people, change their roles and remove them.' },
  { scope: 'audit:read', description: 'Read the account audit log.' },
  { scope: 'admin', description: 'Everything, on every campaign of the account.' },
] as const;

/** A concrete scope of the catalogue. */
export type Scope = (typeof SCOPE_CATALOGUE)[number]['scope'];

export const CONCRETE_SCOPES: readonly Scope[] = SCOPE_CATALOGUE.map((entry) => entry.scope);

/** Resources are the `resource` half of `resource:action`; `admin` has none. */
export type Resource = Exclude<Scope, 'admin'> extends `${infer R}:${string}` ? R : never;

export const RESOURCES: readonly Resource[] = [
  ...new Set(CONCRETE_SCOPES.filter((scope) => scope !== 'admin').map((scope) => scope.split(':')[0] as Resource)),
];

export type WildcardScope = `${Resource}:*`;

export const WILDCARD_SCOPES: readonly WildcardScope[] = RESOURCES.map((resource) => `${resource}:*` as const);

/** Anything a token may hold or ask for: a concrete scope or a resource wildcard. */
export type ScopeString = Scope | WildcardScope;

const CONCRETE = new Set<string>(CONCRETE_SCOPES);
const WILDCARDS = new Set<string>(WILDCARD_SCOPES);

export function isConcreteScope(value: string): value is Scope {
  return CONCRETE.has(value);
}

export function isWildcardScope(value: string): value is WildcardScope {
  return WILDCARDS.has(value);
}

/** True for catalogue scopes and the wildcards of catalogue resources; case-sensitive, no trimming. */
export function isKnownScope(value: string): value is ScopeString {
  return CONCRETE.has(value) || WILDCARDS.has(value);
}

export function describeScope(scope: Scope): string {
  return SCOPE_CATALOGUE.find((entry) => entry.scope === scope)?.description ?? '';
}

export type ScopeListResult = { ok: true; scopes: ScopeString[] } | { ok: false; unknown: string[] };

/**
 * Validates a scope list as given when a token is made. Unknown scopes are refused (API.md §2) and
 * named, each once, so the 422 can list them all. Duplicates are dropped, order is kept. Whether an
 * empty list is acceptable is the caller's rule, not the catalogue's.
 */
export function parseScopeList(values: readonly unknown[]): ScopeListResult {
  const scopes = new Set<ScopeString>();
  const unknown = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') unknown.add(`(${typeof value})`);
    else if (isKnownScope(value)) scopes.add(value);
    else unknown.add(value);
  }
  return unknown.size > 0 ? { ok: false, unknown: [...unknown] } : { ok: true, scopes: [...scopes] };
}
