import { CONCRETE_SCOPES, isConcreteScope, isKnownScope, Scope, ScopeString } from './scope-catalogue';

function resourceOf(scope: string): string {
  return scope.slice(0, scope.indexOf(':'));
}

/**
 * Whether `held` grants `needed`. A concrete scope is granted by itself, by its resource's
 * wildcard or by `admin`. A wildcard or `admin` as `needed` is granted only by the same wildcard or
 * by `admin`: both promise every action, including actions the catalogue gains later, which a list
 * of today's actions does not. Unknown scopes, held or needed, never grant and are never granted,
 * not even by `admin`: a typo in a route's scope fails closed for everyone, so it is seen at once.
 */
export function grants(held: readonly string[], needed: string): boolean {
  if (!isKnownScope(needed)) return false;
  if (held.includes('admin') || held.includes(needed)) return true;
  return needed !== 'admin' && isConcreteScope(needed) && held.includes(`${resourceOf(needed)}:*`);
}

/** The concrete catalogue scopes that `held` grants, in catalogue order; unknown entries add nothing. */
export function expandScopes(held: readonly string[]): Scope[] {
  return CONCRETE_SCOPES.filter((scope) => grants(held, scope));
}

/**
 * "A token can only create tokens whose scopes it holds itself" (API.md §2): `requested` is within
 * `held` iff `held` grants every requested scope by `grants` above. So `leads:read` is within
 * `leads:*`, `leads:*` is within `leads:*` and `admin`, but `leads:*` is NOT within
 * `leads:read leads:write`, although both expand to the same list today: the wildcard would also
 * carry any `leads:` action added later, which the creator never had. It follows that whenever
 * `requested` is within `held`, every concrete scope of `expandScopes(requested)` is granted by
 * `held`, and for requests without wildcards or `admin` the two readings agree exactly.
 * An unknown requested scope is never within anything.
 */
export function isSubsetOf(requested: readonly string[], held: readonly string[]): boolean {
  return requested.every((scope) => grants(held, scope));
}

/** The requested scopes that `held` does not grant, each once, in request order. */
export function scopesOutside(requested: readonly string[], held: readonly string[]): string[] {
  return [...new Set(requested.filter((scope) => !grants(held, scope)))];
}

/**
 * Splits an OAuth2 `scope` parameter (RFC 6749 §3.3: space-delimited, order does not matter).
 * Extra whitespace is forgiven; an absent or blank parameter is an empty list.
 */
export function splitScopeParam(param: string | undefined | null): string[] {
  if (typeof param !== 'string') return [];
  return [...new Set(param.split(/\s+/).filter((scope) => scope.length > 0))];
}

export type NarrowResult = { ok: true; scopes: ScopeString[] } | { ok: false; invalid: string[] };

/**
 * The scopes of an OAuth2 access token (API.md §5). Without a request the token gets everything
 * the credential holds; with one, it gets exactly what was asked, provided the credential holds it
 * (by `isSubsetOf`); anything else, unknown scopes included, is `invalid_scope` and names them.
 */
export function narrowScopes(requested: readonly string[] | undefined, held: readonly string[]): NarrowResult {
  const asked = requested === undefined ? [] : [...new Set(requested)];
  if (asked.length === 0) return { ok: true, scopes: [...new Set(held.filter(isKnownScope))] };
  const invalid = scopesOutside(asked, held);
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, scopes: asked.filter(isKnownScope) };
}

/**
 * "No escalation, ever" (API.md §2): a caller may create, change, rotate, revoke or see the
 * secret-bearing state of a target (a token, a credential, an access token) only when its own
 * scopes cover the target's. `admin` covers everything, even a scope the catalogue no longer knows
 * (so an owner can still revoke such a token); any other caller covers a target when it grants
 * every target scope by `grants` (`resource:*` covers that resource's actions and itself). An
 * empty target is covered by anyone.
 */
export function covers(callerScopes: readonly string[], targetScopes: readonly string[]): boolean {
  return uncoveredScopes(callerScopes, targetScopes).length === 0;
}

/** The target scopes that keep `callerScopes` from covering the target, each once, in target order. */
export function uncoveredScopes(callerScopes: readonly string[], targetScopes: readonly string[]): string[] {
  if (callerScopes.includes('admin')) return [];
  return scopesOutside(targetScopes, callerScopes);
}
