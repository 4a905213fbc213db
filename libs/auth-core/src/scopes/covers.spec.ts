import { ACCOUNT_PRESETS, SCOPE_GROUP_SCOPES, scopesForPermissions } from './presets';
import { CONCRETE_SCOPES, WILDCARD_SCOPES } from './scope-catalogue';
import { covers, uncoveredScopes } from './scope-matching';

describe('covers (no escalation, API.md §2)', () => {
  it('lets admin cover everything, unknown scopes included', () => {
    expect(covers(['admin'], ['admin'])).toBe(true);
    expect(covers(['admin'], [...CONCRETE_SCOPES, ...WILDCARD_SCOPES])).toBe(true);
    expect(covers(['admin'], ['leads:delete'])).toBe(true);
    expect(uncoveredScopes(['admin'], ['leads:delete'])).toEqual([]);
  });

  it('lets a wildcard cover its resource actions and itself, never another resource', () => {
    expect(covers(['tokens:*'], ['tokens:read', 'tokens:write'])).toBe(true);
    expect(covers(['tokens:*'], ['tokens:*'])).toBe(true);
    expect(covers(['tokens:*'], ['credentials:read'])).toBe(false);
  });

  it('does not let today’s actions cover a wildcard that would carry tomorrow’s', () => {
    expect(covers(['leads:read', 'leads:write'], ['leads:*'])).toBe(false);
    expect(uncoveredScopes(['leads:read', 'leads:write'], ['leads:*'])).toEqual(['leads:*']);
  });

  it('refuses a tokens:write caller an admin target and names what is missing', () => {
    expect(covers(['tokens:write'], ['admin'])).toBe(false);
    expect(uncoveredScopes(['tokens:write'], ['admin', 'tokens:write', 'leads:read'])).toEqual(['admin', 'leads:read']);
  });

  it('covers what is equal or weaker, not what is stronger', () => {
    const integration = ACCOUNT_PRESETS.integration_admin.scopes;
    expect(covers(integration, integration)).toBe(true);
    expect(covers(integration, SCOPE_GROUP_SCOPES.account_api)).toBe(true);
    expect(covers(SCOPE_GROUP_SCOPES.account_api, integration)).toBe(false);
    expect(covers(integration, ['admin'])).toBe(false);
    expect(covers(ACCOUNT_PRESETS.crm_sync.scopes, scopesForPermissions(['read', 'write']))).toBe(true);
    expect(covers(ACCOUNT_PRESETS.read_only_analytics.scopes, scopesForPermissions(['read']))).toBe(false);
  });

  it('covers an empty target for anyone, and nothing unknown for non-admins', () => {
    expect(covers([], [])).toBe(true);
    expect(covers(['leads:*'], ['leads:delete'])).toBe(false);
    expect(covers([], ['leads:read'])).toBe(false);
  });

  it('reports each missing scope once, in target order', () => {
    expect(uncoveredScopes(['leads:read'], ['files:read', 'leads:read', 'files:read', 'admin'])).toEqual([
      'files:read',
      'admin',
    ]);
  });
});
