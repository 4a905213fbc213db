import fc from 'fast-check';
import { CONCRETE_SCOPES, WILDCARD_SCOPES } from './scope-catalogue';
import { expandScopes, grants, isSubsetOf, narrowScopes } from './scope-matching';

const known = [...CONCRETE_SCOPES, ...WILDCARD_SCOPES];
// A few unknown strings that look close to real ones, to make sure they never slip through.
const lookalikes = ['leads:delete', 'Leads:read', 'admin:*', 'foo:*', '*', 'leads', ''];
const anyScope = fc.oneof(fc.constantFrom(...known), fc.constantFrom(...lookalikes), fc.string({ maxLength: 12 }));
const knownScope = fc.constantFrom(...known);
const scopeList = fc.array(anyScope, { maxLength: 8 });
const knownList = fc.array(knownScope, { maxLength: 8 });
const concreteList = fc.array(fc.constantFrom(...CONCRETE_SCOPES), { maxLength: 8 });

describe('scope matching properties', () => {
  it('grants is monotone: adding held scopes never removes a grant', () => {
    fc.assert(
      fc.property(scopeList, scopeList, anyScope, (held, extra, needed) => {
        if (grants(held, needed)) expect(grants([...held, ...extra], needed)).toBe(true);
      }),
    );
  });

  it('admin grants every catalogue scope and wildcard, whatever else is held', () => {
    fc.assert(
      fc.property(scopeList, knownScope, (others, needed) => {
        expect(grants([...others, 'admin'], needed)).toBe(true);
      }),
    );
  });

  it('expandScopes gives catalogue scopes only, exactly those that grants allows', () => {
    fc.assert(
      fc.property(scopeList, (held) => {
        const expanded = expandScopes(held);
        expect(expanded.every((scope) => CONCRETE_SCOPES.includes(scope))).toBe(true);
        for (const scope of CONCRETE_SCOPES) expect(expanded.includes(scope)).toBe(grants(held, scope));
      }),
    );
  });

  it('isSubsetOf(x, x) for every list of known scopes', () => {
    fc.assert(fc.property(knownList, (scopes) => expect(isSubsetOf(scopes, scopes)).toBe(true)));
  });

  it('isSubsetOf is transitive', () => {
    fc.assert(
      fc.property(scopeList, scopeList, scopeList, (a, b, c) => {
        if (isSubsetOf(a, b) && isSubsetOf(b, c)) expect(isSubsetOf(a, c)).toBe(true);
      }),
    );
  });

  it('isSubsetOf is sound over expansions: what is within held expands to what held grants', () => {
    fc.assert(
      fc.property(scopeList, scopeList, (requested, held) => {
        if (isSubsetOf(requested, held)) {
          expect(expandScopes(requested).every((scope) => grants(held, scope))).toBe(true);
        }
      }),
    );
  });

  it('for concrete requests, isSubsetOf is exactly inclusion of expansions', () => {
    fc.assert(
      fc.property(concreteList, scopeList, (requested, held) => {
        const granted = new Set(expandScopes(held));
        expect(isSubsetOf(requested, held)).toBe(requested.every((scope) => granted.has(scope)));
      }),
    );
  });

  it('narrowScopes never grants more than is held, and names only what is not granted', () => {
    fc.assert(
      fc.property(fc.option(scopeList, { nil: undefined }), scopeList, (requested, held) => {
        const result = narrowScopes(requested, held);
        if (result.ok) {
          expect(isSubsetOf(result.scopes, held)).toBe(true);
        } else {
          expect(result.invalid.length).toBeGreaterThan(0);
          expect(result.invalid.every((scope) => !grants(held, scope))).toBe(true);
        }
      }),
    );
  });
});
