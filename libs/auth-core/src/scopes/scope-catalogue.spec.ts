import {
  CONCRETE_SCOPES,
  describeScope,
  isConcreteScope,
  isKnownScope,
  isWildcardScope,
  parseScopeList,
  RESOURCES,
  SCOPE_CATALOGUE,
  WILDCARD_SCOPES,
} from './scope-catalogue';

describe('scope catalogue', () => {
  it('holds exactly the scopes of API.md §2, in its order', () => {
    expect(CONCRETE_SCOPES).toEqual([
      'leads:read',
      'leads:write',
      'files:read',
      'files:write',
      'campaigns:read',
      'campaigns:write',
      'tokens:read',
      'tokens:write',
      'credentials:read',
      'credentials:write',
      'receiver:post',
      'events:read',
      'webhooks:read',
      'webhooks:write',
      'users:read',
      'users:write',
      'audit:read',
      'admin',
    ]);
  });

  it('describes every scope in one non-empty line', () => {
    for (const { scope, description } of SCOPE_CATALOGUE) {
      expect(description.trim().length).toBeGreaterThan(0);
      expect(description).not.toMatch(/\n/);
      expect(describeScope(scope)).toBe(description);
    }
  });

  it('has one wildcard per resource, and none for admin', () => {
    expect(RESOURCES).toEqual([
      'leads',
      'files',
      'campaigns',
      'tokens',
      'credentials',
      'receiver',
      'events',
      'webhooks',
      'users',
      'audit',
    ]);
    expect(WILDCARD_SCOPES).toEqual(RESOURCES.map((resource) => `${resource}:*`));
    expect(isKnownScope('admin:*')).toBe(false);
  });
});

describe('isKnownScope', () => {
  it('knows catalogue scopes and wildcards', () => {
    for (const scope of [...CONCRETE_SCOPES, ...WILDCARD_SCOPES]) expect(isKnownScope(scope)).toBe(true);
  });

  it.each([
    '',
    '*',
    ':*',
    'leads',
    'leads:',
    'leads:delete',
    'LEADS:READ',
    ' leads:read',
    'leads:read ',
    'foo:*',
    'admin:read',
  ])('refuses %j', (value) => {
    expect(isKnownScope(value)).toBe(false);
  });

  it('tells concrete scopes from wildcards', () => {
    expect(isConcreteScope('leads:read')).toBe(true);
    expect(isConcreteScope('admin')).toBe(true);
    expect(isConcreteScope('leads:*')).toBe(false);
    expect(isWildcardScope('leads:*')).toBe(true);
    expect(isWildcardScope('leads:read')).toBe(false);
  });
});

describe('parseScopeList', () => {
  it('accepts known scopes, drops duplicates and keeps order', () => {
    expect(parseScopeList(['leads:*', 'campaigns:read', 'leads:*'])).toEqual({
      ok: true,
      scopes: ['leads:*', 'campaigns:read'],
    });
  });

  it('accepts an empty list (emptiness is the caller’s rule)', () => {
    expect(parseScopeList([])).toEqual({ ok: true, scopes: [] });
  });

  it('refuses unknown scopes and names each once', () => {
    expect(parseScopeList(['leads:read', 'leads:delete', 'Leads:read', 'leads:delete'])).toEqual({
      ok: false,
      unknown: ['leads:delete', 'Leads:read'],
    });
  });

  it('refuses values that are not strings without echoing them', () => {
    expect(parseScopeList(['leads:read', 42, null, { $ne: 1 }])).toEqual({
      ok: false,
      unknown: ['(number)', '(object)'],
    });
  });
});
