import { isDeepStrictEqual } from 'node:util';
import { decideAtEdge, matchRoute } from './route-matcher';
import { ANSWERED_HERE, ROUTES, RouteMatch } from './route-table';

const refusedMethod = (method: string, path: string) => decideAtEdge(method, path).refused;

function match(method: string, path: string): RouteMatch {
  const result = matchRoute(method, path);
  if (!result || !('route' in result)) throw new Error(`no route for ${method} ${path}`);
  return result;
}

const ADMIN = '/v1/admin/campaigns/:campaignId';

describe('route table', () => {
  it('routes partner calls to their owner with the scope API.md names', () => {
    expect(match('GET', '/v1/campaigns/cmp_1/leads')).toMatchObject({
      route: { upstream: 'leads', auth: { kind: 'bearer', scope: 'leads:read', accountLevel: false } },
      params: { campaignId: 'cmp_1' },
    });
    expect(match('PATCH', '/v1/campaigns/cmp_1/leads/ld_9').route.auth).toMatchObject({ scope: 'leads:write' });
    expect(match('GET', '/v1/campaigns/cmp_1/schema').route.upstream).toBe('campaigns');
    expect(match('POST', '/v1/campaigns/cmp_1/leads/ld_1/files').route).toMatchObject({ upload: true });
  });

  it('sends every webhook route of API.md §12 to webhooks, partner ones open to campaign tokens', () => {
    const partner: [string, string, string][] = [
      ['GET', '/v1/webhooks', 'webhooks:read'],
      ['POST', '/v1/webhooks', 'webhooks:write'],
      ['GET', '/v1/webhooks/whk_1', 'webhooks:read'],
      ['PATCH', '/v1/webhooks/whk_1', 'webhooks:write'],
      ['DELETE', '/v1/webhooks/whk_1', 'webhooks:write'],
      ['POST', '/v1/webhooks/whk_1/rotate-secret', 'webhooks:write'],
      ['POST', '/v1/webhooks/whk_1/test', 'webhooks:write'],
      ['GET', '/v1/webhooks/whk_1/deliveries', 'webhooks:read'],
      ['POST', '/v1/webhooks/whk_1/deliveries/dlv_1/retry', 'webhooks:write'],
    ];
    for (const [method, path, scope] of partner) {
      expect(match(method, path).route).toMatchObject({
        upstream: 'webhooks',
        auth: { kind: 'bearer', scope, accountLevel: false },
      });
    }
    const admin: [string, string, string][] = [
      ['GET', '/v1/admin/webhooks', 'webhooks:read'],
      ['GET', '/v1/admin/tokens/tok_1/webhooks', 'webhooks:read'],
      ['POST', '/v1/admin/tokens/tok_1/webhooks', 'webhooks:write'],
    ];
    for (const [method, path, scope] of admin) {
      expect(match(method, path).route).toMatchObject({
        upstream: 'webhooks',
        auth: { kind: 'bearer', scope, accountLevel: true },
      });
    }
    expect(match('POST', '/v1/admin/tokens/tok_1/webhooks').params).toEqual({ tokenId: 'tok_1' });
    expect(matchRoute('PUT', '/v1/webhooks/whk_1')).toEqual({
      methodAllowed: false,
      allow: ['DELETE', 'GET', 'PATCH'],
    });
  });

  it('lets literal segments own a path: /leads/batch is the batch route for every method, never a lead called batch', () => {
    expect(match('POST', '/v1/campaigns/c/leads/batch').route.pattern).toBe('/v1/campaigns/:campaignId/leads/batch');
    expect(matchRoute('GET', '/v1/campaigns/c/leads/batch')).toEqual({ methodAllowed: false, allow: ['POST'] });
    expect(match('GET', '/v1/campaigns/c/leads/ld_1').route.pattern).toBe('/v1/campaigns/:campaignId/leads/:leadId');
  });

  it('refuses at the edge only a method the path lacks, not one the gateway answers itself', () => {
    expect(refusedMethod('DELETE', '/v1/campaigns/c/leads')).toEqual({ methodAllowed: false, allow: ['GET', 'POST'] });
    expect(refusedMethod('GET', '/v1/me')).toBeNull();
    expect(refusedMethod('HEAD', '/v1/auth/session')).toBeNull();
    expect(refusedMethod('GET', '/v1/campaigns/c/leads')).toBeNull();
    expect(refusedMethod('GET', '/console/app.js')).toBeNull();
  });

  it('sends access insight (API.md §14) to leads: /filters/preview is not a filter called preview', () => {
    const filters = '/v1/admin/campaigns/c1/filters';
    expect(match('POST', `${filters}/preview`)).toMatchObject({
      route: {
        pattern: '/v1/admin/campaigns/:campaignId/filters/preview',
        upstream: 'leads',
        auth: { kind: 'bearer', scope: 'campaigns:read', accountLevel: true },
      },
      params: { campaignId: 'c1' },
    });
    // The campaigns service keeps the filters themselves, a filter id included.
    expect(match('POST', filters).route).toMatchObject({ upstream: 'campaigns', auth: { scope: 'campaigns:write' } });
    expect(match('GET', `${filters}/flt_1`).route).toMatchObject({
      upstream: 'campaigns',
      pattern: `${ADMIN}/filters/:filterId`,
    });
    expect(match('PATCH', `${filters}/flt_1`).route.upstream).toBe('campaigns');
    expect(matchRoute('PATCH', `${filters}/preview`)).toEqual({ methodAllowed: false, allow: ['POST'] });
    expect(match('GET', '/v1/admin/campaigns/c1/leads/ld_1/access')).toMatchObject({
      route: { upstream: 'leads', auth: { kind: 'bearer', scope: 'tokens:read', accountLevel: true } },
      params: { campaignId: 'c1', leadId: 'ld_1' },
    });
    expect(matchRoute('POST', '/v1/admin/campaigns/c1/leads/ld_1/access')).toEqual({
      methodAllowed: false,
      allow: ['GET'],
    });
  });

  it('sends campaign tokens administration to identity and the campaign itself to campaigns', () => {
    expect(match('POST', '/v1/admin/campaigns/c1/tokens').route).toMatchObject({
      upstream: 'identity',
      auth: { scope: 'tokens:write', accountLevel: true },
    });
    expect(match('PATCH', '/v1/admin/campaigns/c1').route).toMatchObject({
      upstream: 'campaigns',
      auth: { scope: 'campaigns:write', accountLevel: true },
    });
    expect(match('POST', '/v1/admin/tokens/tok_1/rotate').route.upstream).toBe('identity');
  });

  it('keeps OAuth client authentication and docs public, and the receiver optional', () => {
    expect(match('POST', '/oauth/token').route).toMatchObject({ auth: { kind: 'public' }, forwardAuthorization: true });
    expect(match('POST', '/oauth/introspect').route.auth).toMatchObject({ kind: 'client_or_bearer', scope: 'admin' });
    expect(match('GET', '/docs/p/abc/openapi.json').route.auth.kind).toBe('public');
    expect(match('POST', '/receiver/v1/campaigns/c/leads').route.auth).toEqual({
      kind: 'optional',
      scope: 'receiver:post',
    });
  });

  it('tells an unknown path (null) from a known path with another method', () => {
    expect(matchRoute('GET', '/v1/nothing')).toBeNull();
    expect(matchRoute('DELETE', '/v1/campaigns/c/leads')).toEqual({ methodAllowed: false, allow: ['GET', 'POST'] });
    expect(matchRoute('DELETE', '/v1/admin/tokens/tok_1')).toEqual({ methodAllowed: false, allow: ['GET', 'PATCH'] });
  });

  it('knows the paths the gateway answers itself, so another method there is 405 with Allow, not 404', () => {
    expect(matchRoute('TRACE', '/v1/me')).toEqual({ methodAllowed: false, allow: ['GET', 'HEAD'] });
    expect(matchRoute('POST', '/v1/auth/session')).toEqual({ methodAllowed: false, allow: ['GET', 'HEAD'] });
    expect(matchRoute('GET', '/v1/me/more')).toBeNull();
  });

  it('never accepts a parameter that is empty, a dot segment or carries odd characters', () => {
    for (const path of [
      '/v1/campaigns//leads',
      '/v1/campaigns/../leads',
      '/v1/campaigns/a%2Fb/leads',
      '/v1/campaigns/$ne/leads',
    ]) {
      expect(matchRoute('GET', path)).toBeNull();
    }
  });

  it('has no two routes with the same method and pattern', () => {
    const keys = ROUTES.map((route) => `${route.method} ${route.pattern}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches every path as a scan of the whole table does: the most literal patterns own it', () => {
    const methods = ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE', 'TRACE'];
    const values = ['c1', 'batch', 'leads', 'me', 'session', 'preview', '..', '$ne', ''];
    const paths = new Set<string>();
    for (const { pattern } of [...ROUTES, ...ANSWERED_HERE]) {
      paths.add(pattern.replace(/:[A-Za-z]+/g, 'id_1'));
      const segments = pattern.split('/');
      // Each segment replaced in turn by odd or colliding values: near misses of every pattern.
      segments.forEach((_, index) => {
        if (index === 0) return;
        for (const value of values)
          paths.add(segments.map((s, i) => (i === index ? value : s.replace(/^:.*/, 'x'))).join('/'));
      });
      paths.add(`${pattern.replace(/:[A-Za-z]+/g, 'id_1')}/extra`);
    }
    expect(paths.size).toBeGreaterThan(500);
    const disagreements: unknown[] = [];
    for (const path of paths) {
      for (const method of methods) {
        const expected = scanTable(method, path);
        const answeredHere = scanAnsweredHere(path).includes(method);
        const expectedDecision =
          expected && 'route' in expected
            ? { refused: null, match: expected }
            : answeredHere || expected === null
              ? { refused: null, match: null }
              : { refused: expected };
        const matched = matchRoute(method, path);
        const decided = decideAtEdge(method, path);
        if (!isDeepStrictEqual(matched, expected) || !isDeepStrictEqual(decided, expectedDecision)) {
          disagreements.push({ method, path, matched, expected, decided });
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

/** The matcher's rules written the slow, obvious way (every pattern tested in turn): the reference above. */
function scanTable(method: string, path: string) {
  const actual = path.replace(/\/+$/, '').split('/').slice(1);
  const matches = ROUTES.flatMap((route) => {
    const pattern = route.pattern.split('/').slice(1);
    const params = paramsIfMatch(pattern, actual);
    return params ? [{ route, params, literals: pattern.filter((s) => !s.startsWith(':')).length }] : [];
  });
  const most = Math.max(-1, ...matches.map(({ literals }) => literals));
  const owners = matches.filter(({ literals }) => literals === most);
  const owner = owners.find(({ route }) => route.method === method);
  if (owner) return { route: owner.route, params: owner.params };
  const allow = new Set([...owners.map(({ route }) => route.method), ...scanAnsweredHere(path)]);
  return allow.size > 0 ? { methodAllowed: false, allow: [...allow].sort() } : null;
}

function scanAnsweredHere(path: string): string[] {
  const actual = path.replace(/\/+$/, '').split('/').slice(1);
  return ANSWERED_HERE.flatMap(({ pattern, methods }) =>
    paramsIfMatch(pattern.split('/').slice(1), actual) ? [...methods] : [],
  );
}

function paramsIfMatch(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const value = actual[index];
    if (expected.startsWith(':')) {
      if (!/^[A-Za-z0-9._~-]{1,200}$/.test(value) || value === '.' || value === '..') return null;
      params[expected.slice(1)] = value;
    } else if (expected !== value) return null;
  }
  return params;
}
