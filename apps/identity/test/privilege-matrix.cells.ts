/**
 * The cells of the privilege matrix, as data, and the oracle that says what each must answer.
 * The oracle is written from API.md §2, not taken from the implementation: it imports nothing from
 * auth-core or identity, so a bug there cannot make its own expectation.
 */

// API.md §2: presets, campaign permissions and client credential scope groups, as written there.
export const PRESETS: Record<string, string[]> = {
  read_only_analytics: ['leads:read', 'campaigns:read'],
  crm_sync: ['leads:*', 'files:*', 'campaigns:read'],
  lead_seller: ['receiver:post', 'campaigns:read'],
  integration_admin: ['campaigns:*', 'tokens:*', 'credentials:*'],
  full_admin: ['admin'],
};
const READ = ['leads:read', 'files:read', 'campaigns:read'];
const WRITE = [...READ, 'leads:write', 'files:write'];
export const GROUPS: Record<string, string[]> = {
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
};

/**
 * "Whether `held` grants `needed`" as API.md §2 states it: `admin` grants everything, a
 * `resource:*` grants every action of its resource, a scope grants itself. Nothing else grants
 * `admin` or a wildcard.
 */
export function grantsScope(held: readonly string[], needed: string): boolean {
  if (held.includes('admin') || held.includes(needed)) return true;
  const [resource, action] = needed.split(':');
  return needed !== 'admin' && action !== '*' && held.includes(`${resource}:*`);
}

/** "Its own scopes cover the target's." */
export function coversTarget(caller: readonly string[], target: readonly string[]): boolean {
  return target.every((scope) => grantsScope(caller, scope));
}

export type CallerKind = 'account' | 'campaign' | 'access';

export interface CallerDef {
  name: string;
  kind: CallerKind;
  scopes: string[];
  /** How the caller is made: the owner token, a preset, a scope list, campaign permissions, a scope group. */
  make: { owner: true } | { preset: string } | { scopes: string[] } | { permissions: string[] } | { group: string };
}

export const CALLERS: CallerDef[] = [
  { name: 'owner (admin)', kind: 'account', scopes: ['admin'], make: { owner: true } },
  ...Object.entries(PRESETS).map(([preset, scopes]): CallerDef => ({
    name: `preset ${preset}`,
    kind: 'account',
    scopes,
    make: { preset },
  })),
  ...['tokens:write', 'credentials:write', 'tokens:read', 'credentials:read', 'campaigns:write', 'leads:write'].map(
    (scope): CallerDef => ({ name: `scope ${scope}`, kind: 'account', scopes: [scope], make: { scopes: [scope] } }),
  ),
  { name: 'campaign read', kind: 'campaign', scopes: READ, make: { permissions: ['read'] } },
  { name: 'campaign read+write', kind: 'campaign', scopes: WRITE, make: { permissions: ['read', 'write'] } },
  ...Object.entries(GROUPS).map(([group, scopes]): CallerDef => ({
    name: `access ${group}`,
    kind: 'access',
    scopes,
    make: { group },
  })),
];

export interface TokenTargetDef {
  name: string;
  kind: 'account' | 'campaign';
  scopes: string[];
  permissions?: string[];
}

/** Targets of every caller, from weak to the strongest; each caller also gets one equal to itself. */
const FIXED_TOKEN_TARGETS: TokenTargetDef[] = [
  { name: 'campaigns:read', kind: 'account', scopes: ['campaigns:read'] },
  { name: 'read_only_analytics', kind: 'account', scopes: PRESETS['read_only_analytics'] },
  { name: 'tokens:read', kind: 'account', scopes: ['tokens:read'] },
  { name: 'tokens:write', kind: 'account', scopes: ['tokens:write'] },
  { name: 'account_api scopes', kind: 'account', scopes: GROUPS['account_api'] },
  { name: 'integration_admin', kind: 'account', scopes: PRESETS['integration_admin'] },
  { name: 'admin', kind: 'account', scopes: ['admin'] },
  { name: 'campaign read', kind: 'campaign', scopes: READ, permissions: ['read'] },
  { name: 'campaign read+write', kind: 'campaign', scopes: WRITE, permissions: ['read', 'write'] },
];

const sameScopes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

export function tokenTargetsOf(caller: CallerDef): TokenTargetDef[] {
  const equal: TokenTargetDef =
    caller.kind === 'campaign'
      ? FIXED_TOKEN_TARGETS.find((target) => target.kind === 'campaign' && sameScopes(target.scopes, caller.scopes))!
      : { name: `equal to ${caller.name}`, kind: 'account', scopes: caller.scopes };
  const known = FIXED_TOKEN_TARGETS.some(
    (target) => target.kind === equal.kind && sameScopes(target.scopes, equal.scopes),
  );
  return known ? FIXED_TOKEN_TARGETS : [...FIXED_TOKEN_TARGETS, equal];
}

/** Every distinct token target any caller has, by name: the shared ones read by get, list and introspect. */
export const ALL_TOKEN_TARGETS: TokenTargetDef[] = [
  ...new Map(CALLERS.flatMap(tokenTargetsOf).map((target) => [target.name, target])).values(),
];

export interface CredentialTargetDef {
  name: string;
  groups: string[];
  scopes: string[];
}

export const CREDENTIAL_TARGETS: CredentialTargetDef[] = [
  ['lead_receiver'],
  ['data_api'],
  ['account_api'],
  ['account_api', 'data_api', 'lead_receiver'],
].map((groups) => ({
  name: `credential ${groups.join('+')}`,
  groups,
  scopes: [...new Set(groups.flatMap((group) => GROUPS[group]))],
}));

export type Operation =
  | 'token create'
  | 'token get'
  | 'token list'
  | 'token patch'
  | 'token rotate'
  | 'token revoke'
  | 'introspect'
  | 'credential create'
  | 'credential disable'
  | 'credential enable'
  | 'credential list';

/** The scope each operation needs (API.md §6; introspection is for admins, §5). */
export const OPERATION_SCOPE: Record<Operation, string> = {
  'token create': 'tokens:write',
  'token get': 'tokens:read',
  'token list': 'tokens:read',
  'token patch': 'tokens:write',
  'token rotate': 'tokens:write',
  'token revoke': 'tokens:write',
  introspect: 'admin',
  'credential create': 'credentials:write',
  'credential disable': 'credentials:write',
  'credential enable': 'credentials:write',
  'credential list': 'credentials:read',
};

export interface Cell {
  caller: CallerDef;
  operation: Operation;
  /** Target name: a token target, a credential target, an access token of a group, or the whole list. */
  target: string;
  targetScopes: string[];
  /** What the answer must be, in words, so a mismatch reads as a sentence. */
  expected: string;
}

const REFUSED = '403 insufficient_scope';

/** The rule: allowed iff account-level, holding the operation's scope, and covering the target. */
export function allowed(caller: CallerDef, operation: Operation, targetScopes: readonly string[]): boolean {
  return (
    caller.kind !== 'campaign' &&
    grantsScope(caller.scopes, OPERATION_SCOPE[operation]) &&
    coversTarget(caller.scopes, targetScopes)
  );
}

function expectedAnswer(caller: CallerDef, operation: Operation, targetScopes: readonly string[]): string {
  if (operation === 'token get' || operation === 'token list') {
    // Reading is the operation; the docs link is the secret-bearing part, shown only if covered.
    if (!allowed(caller, operation, [])) return REFUSED;
    return coversTarget(caller.scopes, targetScopes) ? '200 docs_url shown' : '200 docs_url hidden';
  }
  if (!allowed(caller, operation, targetScopes)) {
    return operation === 'token rotate' ? `${REFUSED}, no token, old secret still works` : REFUSED;
  }
  switch (operation) {
    case 'token create':
    case 'credential create':
      return '201';
    case 'token rotate':
      return '200 new token, new docs_url';
    case 'token revoke':
      return '200 revoked';
    case 'introspect':
      return '200 active';
    case 'credential disable':
      return '200 enabled=false';
    case 'credential enable':
      return '200 enabled=true';
    case 'token patch':
    case 'credential list':
      return '200';
  }
}

const TOKEN_OPERATIONS: Operation[] = [
  'token create',
  'token get',
  'token list',
  'token patch',
  'token rotate',
  'token revoke',
  'introspect',
];
const CREDENTIAL_OPERATIONS: Operation[] = ['credential create', 'credential disable', 'credential enable'];

function cell(caller: CallerDef, operation: Operation, target: string, targetScopes: string[]): Cell {
  return { caller, operation, target, targetScopes, expected: expectedAnswer(caller, operation, targetScopes) };
}

export const CELLS: Cell[] = CALLERS.flatMap((caller) => [
  ...tokenTargetsOf(caller).flatMap((target) =>
    TOKEN_OPERATIONS.map((operation) => cell(caller, operation, target.name, target.scopes)),
  ),
  ...Object.entries(GROUPS).map(([group, scopes]) => cell(caller, 'introspect', `access token ${group}`, scopes)),
  ...CREDENTIAL_TARGETS.flatMap((target) =>
    CREDENTIAL_OPERATIONS.map((operation) => cell(caller, operation, target.name, target.scopes)),
  ),
  cell(caller, 'credential list', 'every credential', []),
]);
