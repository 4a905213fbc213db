import fc from 'fast-check';
import {
  ACCOUNT_PRESET_NAMES,
  ACCOUNT_PRESETS,
  isAccountPreset,
  isScopeGroup,
  parseCampaignPermissions,
  SCOPE_GROUP_NAMES,
  SCOPE_GROUP_SCOPES,
  scopesForGroups,
  scopesForPermissions,
  scopesForPreset,
} from './presets';
import { CONCRETE_SCOPES, isKnownScope } from './scope-catalogue';
import { expandScopes, isSubsetOf } from './scope-matching';

describe('campaign token permissions', () => {
  it('read is leads, files and campaigns read; write adds leads and files write', () => {
    expect(scopesForPermissions(['read'])).toEqual(['leads:read', 'files:read', 'campaigns:read']);
    expect(scopesForPermissions(['read', 'write'])).toEqual([
      'leads:read',
      'leads:write',
      'files:read',
      'files:write',
      'campaigns:read',
    ]);
  });

  it('accepts ["read"] and ["read","write"] in either order', () => {
    expect(parseCampaignPermissions(['read'])).toEqual({
      ok: true,
      permissions: ['read'],
      scopes: ['leads:read', 'files:read', 'campaigns:read'],
    });
    for (const value of [
      ['read', 'write'],
      ['write', 'read'],
    ]) {
      const result = parseCampaignPermissions(value);
      expect(result.ok && result.permissions).toEqual(['read', 'write']);
    }
  });

  it('webhooks adds webhooks read and write, with read (and write or not), in any order', () => {
    expect(parseCampaignPermissions(['webhooks', 'read'])).toEqual({
      ok: true,
      permissions: ['read', 'webhooks'],
      scopes: ['leads:read', 'files:read', 'campaigns:read', 'webhooks:read', 'webhooks:write'],
    });
    const all = parseCampaignPermissions(['webhooks', 'write', 'read']);
    expect(all.ok && all.permissions).toEqual(['read', 'write', 'webhooks']);
    expect(all.ok && all.scopes).toEqual([
      'leads:read',
      'leads:write',
      'files:read',
      'files:write',
      'campaigns:read',
      'webhooks:read',
      'webhooks:write',
    ]);
  });

  it('names what needs read, as identity answers it', () => {
    expect(parseCampaignPermissions(['write'])).toMatchObject({ message: '"write" needs "read" as well' });
    expect(parseCampaignPermissions(['webhooks'])).toMatchObject({ message: '"webhooks" needs "read" as well' });
  });

  it.each<[unknown, string]>([
    [['write'], 'missing_read'],
    [['webhooks'], 'missing_read'],
    [['write', 'webhooks'], 'missing_read'],
    [['read', 'webhooks', 'webhooks'], 'duplicate'],
    [[], 'not_a_list'],
    ['read', 'not_a_list'],
    [null, 'not_a_list'],
    [{ 0: 'read', length: 1 }, 'not_a_list'],
    [['read', 'read'], 'duplicate'],
    [['read', 'admin'], 'unknown_permission'],
    [['READ'], 'unknown_permission'],
    [['read', 1], 'unknown_permission'],
  ])('refuses %j as %s', (value, reason) => {
    const result = parseCampaignPermissions(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it('accepts exactly the four valid sets, whatever array is given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<unknown>('read', 'write', 'webhooks', 'admin', '', 0, null), { maxLength: 4 }),
        (value) => {
          const known = value.every((item) => item === 'read' || item === 'write' || item === 'webhooks');
          const valid = known && new Set(value).size === value.length && value.includes('read');
          const result = parseCampaignPermissions(value);
          expect(result.ok).toBe(valid);
          if (result.ok) expect(result.scopes.every((scope) => CONCRETE_SCOPES.includes(scope))).toBe(true);
        },
      ),
    );
  });
});

describe('account presets', () => {
  it('are exactly those of API.md §2', () => {
    expect(Object.fromEntries(ACCOUNT_PRESET_NAMES.map((name) => [name, scopesForPreset(name)]))).toEqual({
      read_only_analytics: ['leads:read', 'campaigns:read'],
      crm_sync: ['leads:*', 'files:*', 'campaigns:read'],
      lead_seller: ['receiver:post', 'campaigns:read'],
      integration_admin: ['campaigns:*', 'tokens:*', 'credentials:*'],
      full_admin: ['admin'],
    });
  });

  it('each has a one-line description and only known scopes', () => {
    for (const name of ACCOUNT_PRESET_NAMES) {
      expect(ACCOUNT_PRESETS[name].description).toMatch(/^[^\n]+$/);
      expect(scopesForPreset(name).every(isKnownScope)).toBe(true);
    }
  });

  it('expand to concrete scopes', () => {
    expect(expandScopes(scopesForPreset('crm_sync'))).toEqual([
      'leads:read',
      'leads:write',
      'files:read',
      'files:write',
      'campaigns:read',
    ]);
    expect(expandScopes(scopesForPreset('full_admin'))).toEqual(CONCRETE_SCOPES);
  });

  it('hands out a copy, so callers cannot change a preset', () => {
    scopesForPreset('crm_sync').push('admin');
    expect(scopesForPreset('crm_sync')).not.toContain('admin');
  });

  it('recognises only preset names', () => {
    expect(isAccountPreset('crm_sync')).toBe(true);
    expect(isAccountPreset('toString')).toBe(false);
    expect(isAccountPreset('__proto__')).toBe(false);
    expect(isAccountPreset(undefined)).toBe(false);
  });
});

describe('client credential scope groups', () => {
  it('are exactly those of API.md §2', () => {
    expect(SCOPE_GROUP_SCOPES).toEqual({
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
    });
    expect(SCOPE_GROUP_NAMES).toEqual(['account_api', 'data_api', 'lead_receiver']);
  });

  it('combine into one list in catalogue order, without duplicates', () => {
    expect(scopesForGroups(['lead_receiver', 'data_api', 'lead_receiver'])).toEqual([
      'leads:read',
      'leads:write',
      'files:read',
      'files:write',
      'receiver:post',
    ]);
    expect(scopesForGroups([])).toEqual([]);
  });

  it('recognises only group names', () => {
    expect(isScopeGroup('data_api')).toBe(true);
    expect(isScopeGroup('constructor')).toBe(false);
    expect(isScopeGroup(1)).toBe(false);
  });
});

describe('presets and groups, as properties', () => {
  const groups = fc.array(fc.constantFrom(...SCOPE_GROUP_NAMES), { maxLength: 5 });

  it('groups expand only to catalogue scopes, and to the union of their members', () => {
    fc.assert(
      fc.property(groups, (chosen) => {
        const scopes = scopesForGroups(chosen);
        expect(scopes.every((scope) => CONCRETE_SCOPES.includes(scope))).toBe(true);
        expect(new Set(scopes)).toEqual(new Set(chosen.flatMap((group) => SCOPE_GROUP_SCOPES[group])));
        expect(new Set(scopes).size).toBe(scopes.length);
      }),
    );
  });

  it('more groups never give fewer scopes', () => {
    fc.assert(
      fc.property(groups, groups, (some, more) => {
        expect(isSubsetOf(scopesForGroups(some), scopesForGroups([...some, ...more]))).toBe(true);
      }),
    );
  });

  it('every preset and group expands only to catalogue scopes, and never to admin unless it is full_admin', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACCOUNT_PRESET_NAMES), (name) => {
        const expanded = expandScopes(scopesForPreset(name));
        expect(expanded.every((scope) => CONCRETE_SCOPES.includes(scope))).toBe(true);
        expect(expanded.includes('admin')).toBe(name === 'full_admin');
      }),
    );
  });
});
