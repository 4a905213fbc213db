import { matchRoute } from '@gateway/routing/route-matcher';
import { sessionMayCall } from './session-routes';

const may = (method: string, path: string) => {
  const match = matchRoute(method, path);
  if (!match || !('route' in match)) throw new Error(`no route ${method} ${path}`);
  return sessionMayCall(match.route.auth, method);
};

describe('sessionMayCall', () => {
  it('lets a person read the partner data API, never write it', () => {
    expect(may('GET', '/v1/campaigns/c1/leads')).toBe(true);
    expect(may('GET', '/v1/campaigns/c1/leads/l1')).toBe(true);
    expect(may('GET', '/v1/campaigns/c1/schema')).toBe(true);
    expect(may('POST', '/v1/campaigns/c1/leads')).toBe(false);
    expect(may('PATCH', '/v1/campaigns/c1/leads/l1')).toBe(false);
    expect(may('POST', '/v1/campaigns/c1/leads/batch')).toBe(false);
    expect(may('POST', '/v1/campaigns/c1/leads/l1/files')).toBe(false);
  });

  it('lets a person call the admin API and sign out, and nothing public or client-authenticated', () => {
    expect(may('POST', '/v1/admin/campaigns')).toBe(true);
    expect(may('DELETE', '/v1/admin/users/u1')).toBe(true);
    expect(may('POST', '/v1/auth/logout')).toBe(true);
    expect(may('POST', '/oauth/token')).toBe(false);
    expect(may('POST', '/oauth/revoke')).toBe(false);
    expect(may('POST', '/receiver/v1/campaigns/c1/leads')).toBe(false);
  });
});
