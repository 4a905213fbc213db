import { grants, Role, ROLES, scopesOfRole } from '@leadgate/auth-core';
import {
  bootstrapAccount,
  ConsoleSession,
  invitePerson,
  Platform,
  sessionCall,
  signIn,
  startPlatform,
} from '@leadgate/testing';
import { ROUTES } from '@gateway/routing/route-table';

/**
 * Each role × each admin route (API.md §11), with a console session: the route table says which
 * scope a route needs, the role table which scopes a role holds; a person whose role lacks the
 * scope gets 403 `insufficient_scope`, one whose role holds it never does (dummy ids and empty
 * bodies then meet 404 or 422 further in). Both tables are the product's own, so a route added
 * later is in the matrix at once.
 */
describe('console sessions: role × admin route', () => {
  let platform: Platform;
  const sessions = new Map<Role, ConsoleSession>();

  beforeAll(async () => {
    // Leads and webhooks too: the quarantine and webhook routes are admin routes.
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'webhooks'] });
    const owner = { email: `matrix-owner-${Date.now()}@example.com`, password: 'matrix-owner-password' };
    await bootstrapAccount(platform.services.identity!.url, 'Role matrix test', { owner });
    const ownerSession = await signIn([platform.gateway.url], owner.email, owner.password);
    sessions.set('owner', ownerSession);
    for (const role of ROLES.filter((candidate) => candidate !== 'owner')) {
      const person = await invitePerson([platform.gateway.url], ownerSession, role);
      sessions.set(role, person.session);
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses exactly the routes a role has no scope for', async () => {
    const adminRoutes = ROUTES.filter((route) => route.auth.kind === 'bearer' && route.auth.accountLevel);
    expect(adminRoutes.length).toBeGreaterThan(40);
    const mismatches: string[] = [];
    let cells = 0;
    for (const route of adminRoutes) {
      const scope = route.auth.kind === 'bearer' ? route.auth.scope : null;
      const path = route.pattern.replace(/:[A-Za-z]+/g, 'x_matrix');
      const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
      for (const role of ROLES) {
        const allowed = scope === null || grants(scopesOfRole(role), scope);
        const answer = await sessionCall(platform.gateway.url, route.method, path, sessions.get(role)!, body);
        cells++;
        const refused = answer.status === 403;
        if (refused === allowed || answer.status === 401 || answer.status >= 500) {
          mismatches.push(`${role} ${route.method} ${route.pattern}: ${answer.status} (scope ${scope ?? 'any'})`);
        }
      }
    }
    console.log(`[role matrix] ${cells} cells (${adminRoutes.length} admin routes × ${ROLES.length} roles)`);
    expect(mismatches).toEqual([]);
  });
});
