import { CONCRETE_SCOPES, WILDCARD_SCOPES } from './scope-catalogue';
import { expandScopes, grants, isSubsetOf, narrowScopes, scopesOutside, splitScopeParam } from './scope-matching';

describe('grants', () => {
  it('grants an exact scope', () => {
    expect(grants(['leads:read'], 'leads:read')).toBe(true);
    expect(grants(['leads:read'], 'leads:write')).toBe(false);
  });

  it('grants every action of a resource to its wildcard, and nothing of other resources', () => {
    expect(grants(['leads:*'], 'leads:read')).toBe(true);
    expect(grants(['leads:*'], 'leads:write')).toBe(true);
    expect(grants(['leads:*'], 'files:read')).toBe(false);
    expect(grants(['receiver:*'], 'receiver:post')).toBe(true);
  });

  it('grants everything known to admin', () => {
    for (const scope of [...CONCRETE_SCOPES, ...WILDCARD_SCOPES]) expect(grants(['admin'], scope)).toBe(true);
  });

  it('grants a wildcard only to the same wildcard or admin', () => {
    expect(grants(['leads:read', 'leads:write'], 'leads:*')).toBe(false);
    expect(grants(['leads:*'], 'leads:*')).toBe(true);
    expect(grants(['admin'], 'leads:*')).toBe(true);
  });

  it('grants admin only to admin', () => {
    expect(grants([...CONCRETE_SCOPES.filter((scope) => scope !== 'admin'), ...WILDCARD_SCOPES], 'admin')).toBe(false);
    expect(grants(['admin'], 'admin')).toBe(true);
  });

  it('fails closed on unknown scopes, even for admin', () => {
    expect(grants(['admin'], 'leads:delete')).toBe(false);
    expect(grants(['leads:*'], 'leads:delete')).toBe(false);
    expect(grants(['foo:*'], 'foo:read')).toBe(false);
    expect(grants(['leads:delete'], 'leads:delete')).toBe(false);
    expect(grants([], 'leads:read')).toBe(false);
  });
});

describe('expandScopes', () => {
  it('expands wildcards and admin to concrete catalogue scopes, in catalogue order', () => {
    expect(expandScopes(['campaigns:read', 'leads:*'])).toEqual(['leads:read', 'leads:write', 'campaigns:read']);
    expect(expandScopes(['admin'])).toEqual(CONCRETE_SCOPES);
    expect(expandScopes(['receiver:*'])).toEqual(['receiver:post']);
  });

  it('drops unknown entries and duplicates', () => {
    expect(expandScopes(['nope', 'leads:read', 'leads:read', 'foo:*'])).toEqual(['leads:read']);
    expect(expandScopes([])).toEqual([]);
  });
});

describe('isSubsetOf', () => {
  it.each<[string[], string[], boolean]>([
    [['leads:*'], ['leads:*'], true],
    [['leads:read'], ['leads:*'], true],
    [['leads:read', 'files:read'], ['leads:*', 'files:read'], true],
    [['leads:*'], ['leads:read', 'leads:write'], false],
    [['leads:write'], ['leads:read'], false],
    [['admin'], ['admin'], true],
    [['admin'], [...CONCRETE_SCOPES.filter((scope) => scope !== 'admin')], false],
    [['tokens:*', 'leads:read'], ['admin'], true],
    [[], [], true],
    [['leads:delete'], ['admin'], false],
  ])('%j within %j is %s', (requested, held, expected) => {
    expect(isSubsetOf(requested, held)).toBe(expected);
  });
});

describe('scopesOutside', () => {
  it('names what held does not grant, each once', () => {
    expect(scopesOutside(['leads:read', 'files:write', 'files:write', 'nope'], ['leads:*'])).toEqual([
      'files:write',
      'nope',
    ]);
    expect(scopesOutside(['leads:read'], ['admin'])).toEqual([]);
  });
});

describe('splitScopeParam', () => {
  it('splits on whitespace and drops blanks and duplicates', () => {
    expect(splitScopeParam('leads:read  files:read\tleads:read ')).toEqual(['leads:read', 'files:read']);
  });

  it('gives an empty list for a missing or blank parameter', () => {
    expect(splitScopeParam(undefined)).toEqual([]);
    expect(splitScopeParam(null)).toEqual([]);
    expect(splitScopeParam('   ')).toEqual([]);
  });
});

describe('narrowScopes', () => {
  const held = ['leads:read', 'leads:write', 'files:read', 'files:write'];

  it('gives everything held when nothing is asked', () => {
    expect(narrowScopes(undefined, held)).toEqual({ ok: true, scopes: held });
    expect(narrowScopes([], held)).toEqual({ ok: true, scopes: held });
  });

  it('drops unknown held scopes from the default grant', () => {
    expect(narrowScopes(undefined, ['leads:read', 'legacy:thing'])).toEqual({ ok: true, scopes: ['leads:read'] });
  });

  it('gives exactly what is asked when it is held', () => {
    expect(narrowScopes(['leads:read'], held)).toEqual({ ok: true, scopes: ['leads:read'] });
    expect(narrowScopes(['leads:read', 'leads:read'], held)).toEqual({ ok: true, scopes: ['leads:read'] });
  });

  it('refuses scopes outside the credential, naming them (invalid_scope)', () => {
    expect(narrowScopes(['leads:read', 'tokens:write'], held)).toEqual({ ok: false, invalid: ['tokens:write'] });
    expect(narrowScopes(['leads:*'], held)).toEqual({ ok: false, invalid: ['leads:*'] });
    expect(narrowScopes(['bogus'], held)).toEqual({ ok: false, invalid: ['bogus'] });
  });
});
