import {
  bootstrapAccount,
  campaignCreateBody,
  gatewayClient,
  invitePerson,
  Platform,
  RunningService,
  sessionCall,
  signIn,
  startPlatform,
  startService,
  strongPassword,
  waitFor,
} from '@leadgate/testing';

/**
 * People in the console (API.md §11), through real gateways: sign-in and its cookie, the session
 * checked like a token on every gateway replica, CSRF on unsafe calls, roles mapped to scopes,
 * invitations, the owner rules, sign-out and removal ending sessions everywhere, and throttling.
 */
describe('people and console sessions', () => {
  let platform: Platform;
  let secondGateway: RunningService;
  let gateways: string[];
  let adminToken: string;
  let owner: { email: string; password: string };

  const call = sessionCall;
  const signInAt = (email: string, password: string, gateway = gateways[0]) =>
    signIn(
      gateway === gateways[0] ? gateways : [gateway, ...gateways.filter((url) => url !== gateway)],
      email,
      password,
    );
  const personWithRole = (
    role: string,
    inviter: (
      method: string,
      path: string,
      body?: unknown,
    ) => Promise<{ status: number; body: Record<string, unknown> }>,
  ) => invitePerson(gateways, inviter, role);

  beforeAll(async () => {
    platform = await startPlatform();
    secondGateway = await startService('gateway', {
      env: {
        IDENTITY_URL: platform.services.identity!.url,
        CAMPAIGNS_URL: platform.services.campaigns!.url,
        LEADS_URL: 'http://127.0.0.1:9',
        DOCS_URL: 'http://127.0.0.1:9',
        AUTH_FAILURE_LIMIT_PER_MINUTE: '1000000',
      },
    });
    gateways = [platform.gateway.url, secondGateway.url];
    owner = { email: `Owner-${Date.now()}@Example.com`, password: strongPassword('owner') };
    const account = await bootstrapAccount(platform.services.identity!.url, 'People test', { owner });
    adminToken = account.admin_token;
    expect(account.owner?.email).toBe(owner.email);
    const admin = gatewayClient(gateways[0], adminToken);
    await waitFor('owner token at the gateway', async () =>
      (await admin('GET', '/v1/me')).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await secondGateway?.stop();
    await platform?.stop();
  });

  it('signs in with a hardened cookie, tells who is signed in, and never puts the session in a body', async () => {
    // E-mail is matched without regard to case.
    const session = await signInAt(owner.email.toLowerCase(), owner.password);
    expect(session.setCookie).toMatch(/^leadgate_session=lgu_[A-Za-z0-9_]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(JSON.stringify(session.body)).not.toContain(session.cookie.split('=')[1]);
    expect(session.body['user']).toMatchObject({ email: owner.email, role: 'owner', status: 'active' });
    expect(session.body['user']).not.toHaveProperty('password_hash');
    const current = await call(gateways[1], 'GET', '/v1/auth/session', { cookie: session.cookie });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ user: { role: 'owner' }, scopes: ['admin'], csrf_token: session.csrf });
    expect(current.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a wrong password and an unknown e-mail the same way: 401', async () => {
    const wrong = await call(gateways[0], 'POST', '/v1/auth/login', null, {
      email: owner.email,
      password: 'x'.repeat(12),
    });
    const unknown = await call(gateways[0], 'POST', '/v1/auth/login', null, {
      email: 'nobody@example.com',
      password: 'x'.repeat(12),
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await call(gateways[0], 'GET', '/v1/auth/session', null)).status).toBe(401);
  });

  it('needs the CSRF token on unsafe calls made with a session, and only there', async () => {
    const session = await signInAt(owner.email, owner.password);
    const body = campaignCreateBody({ name: 'CSRF', fields: [], selects: [], statuses: [], relations: false });
    const withoutToken = await call(gateways[0], 'POST', '/v1/admin/campaigns', { cookie: session.cookie }, body);
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body['type']).toContain('csrf_failed');
    const wrongToken = await call(
      gateways[0],
      'POST',
      '/v1/admin/campaigns',
      { cookie: session.cookie, csrf: 'x' },
      body,
    );
    expect(wrongToken.status).toBe(403);
    expect((await call(gateways[1], 'POST', '/v1/admin/campaigns', session, body)).status).toBe(201);
    expect((await call(gateways[1], 'GET', '/v1/admin/campaigns', { cookie: session.cookie })).status).toBe(200);
    // A session is for the admin API and sign-out, never the partner data API.
    expect((await call(gateways[0], 'GET', '/v1/me', { cookie: session.cookie })).status).toBe(401);
  });

  it('maps each role to its scopes on the admin routes (role × route)', async () => {
    const ownerSession = await signInAt(owner.email, owner.password);
    const asOwner = (method: string, path: string, body?: unknown) =>
      call(gateways[0], method, path, ownerSession, body);
    const people = {
      owner: { session: ownerSession },
      admin: await personWithRole('admin', asOwner),
      developer: await personWithRole('developer', asOwner),
      viewer: await personWithRole('viewer', asOwner),
    };
    const campaign = (name: string) =>
      campaignCreateBody({ name, fields: [], selects: [], statuses: [], relations: false });
    const routes: [string, string, () => unknown, Record<keyof typeof people, number>][] = [
      ['GET', '/v1/admin/campaigns', () => undefined, { owner: 200, admin: 200, developer: 200, viewer: 200 }],
      [
        'POST',
        '/v1/admin/campaigns',
        () => campaign('Matrix'),
        { owner: 201, admin: 201, developer: 201, viewer: 403 },
      ],
      ['GET', '/v1/admin/users', () => undefined, { owner: 200, admin: 200, developer: 403, viewer: 200 }],
      ['GET', '/v1/admin/tokens', () => undefined, { owner: 200, admin: 200, developer: 200, viewer: 200 }],
      [
        'POST',
        '/v1/admin/tokens',
        () => ({ name: 'Partner sync', scopes: ['leads:read', 'leads:write'] }),
        { owner: 201, admin: 201, developer: 201, viewer: 403 },
      ],
      [
        'POST',
        '/v1/admin/tokens',
        () => ({ name: 'Escalation', scopes: ['admin'] }),
        { owner: 201, admin: 201, developer: 403, viewer: 403 },
      ],
      [
        'POST',
        '/v1/admin/users',
        () => ({ email: `someone-${Math.random()}@example.com`, role: 'viewer' }),
        { owner: 201, admin: 201, developer: 403, viewer: 403 },
      ],
      ['GET', '/v1/admin/account', () => undefined, { owner: 200, admin: 200, developer: 403, viewer: 403 }],
    ];
    const seen: string[] = [];
    const expected: string[] = [];
    for (const [method, path, body, statuses] of routes) {
      for (const [role, person] of Object.entries(people)) {
        const answer = await call(gateways[1], method, path, person.session, body());
        seen.push(`${role} ${method} ${path} ${answer.status}`);
        expected.push(`${role} ${method} ${path} ${statuses[role as keyof typeof people]}`);
      }
    }
    expect(seen).toEqual(expected);
  });

  it('invites once: the link works one time, needs a 12-character password, and shows no secret later', async () => {
    const admin = gatewayClient(gateways[0], adminToken);
    const email = `invitee-${Date.now()}@example.com`;
    const invited = await admin('POST', '/v1/admin/users', { email, role: 'viewer' });
    expect(invited.status).toBe(201);
    expect(invited.headers.get('cache-control')).toBe('no-store');
    const inviteUrl = new URL(String(invited.body['invite_url']));
    // The secret rides in the fragment, which browsers never send to a server or put in its logs.
    expect(inviteUrl.search).toBe('');
    const token = inviteUrl.hash.replace('#token=', '');
    expect(token).toMatch(/^lgi_/);
    const short = await call(gateways[0], 'POST', '/v1/auth/accept-invite', null, { token, password: 'short' });
    expect(short.status).toBe(422);
    const before = await call(gateways[0], 'POST', '/v1/auth/login', null, { email, password: strongPassword('x') });
    expect(before.status).toBe(401);
    const accepted = await call(gateways[0], 'POST', '/v1/auth/accept-invite', null, {
      token,
      password: strongPassword('invitee'),
    });
    expect(accepted.status).toBe(200);
    const again = await call(gateways[0], 'POST', '/v1/auth/accept-invite', null, {
      token,
      password: strongPassword('again'),
    });
    expect(again.status).toBe(400);
    const listed = await admin('GET', `/v1/admin/users/${String(invited.body['id'])}`);
    expect(listed.body).toMatchObject({ email, role: 'viewer', status: 'active' });
    expect(JSON.stringify(listed.body)).not.toMatch(/invite_url|lgi_|scrypt|password/);
    await signInAt(email, strongPassword('invitee'));
    const taken = await admin('POST', '/v1/admin/users', { email: email.toUpperCase(), role: 'viewer' });
    expect(taken.status).toBe(409);
  });

  it('lets only a signed-in owner touch owners, and keeps the last one', async () => {
    const admin = gatewayClient(gateways[0], adminToken);
    const asToken = await admin('POST', '/v1/admin/users', { email: `o-${Date.now()}@example.com`, role: 'owner' });
    expect(asToken.status).toBe(403);
    const ownerSession = await signInAt(owner.email, owner.password);
    const asOwner = (method: string, path: string, body?: unknown) =>
      call(gateways[0], method, path, ownerSession, body);
    const adminPerson = await personWithRole('admin', asOwner);
    const asAdminPerson = await call(gateways[0], 'POST', '/v1/admin/users', adminPerson.session, {
      email: `o2-${Date.now()}@example.com`,
      role: 'owner',
    });
    expect(asAdminPerson.status).toBe(403);
    const me = (await call(gateways[0], 'GET', '/v1/auth/session', ownerSession)).body['user'] as { id: string };
    const removeSelf = await call(gateways[0], 'DELETE', `/v1/admin/users/${me.id}`, ownerSession);
    expect(removeSelf.status).toBe(409);
    const demoteSelf = await call(gateways[0], 'PATCH', `/v1/admin/users/${me.id}`, ownerSession, { role: 'admin' });
    expect(demoteSelf.status).toBe(409);
    expect((await admin('DELETE', `/v1/admin/users/${me.id}`)).status).toBe(403);
  });

  it('signs out everywhere at once: both gateway replicas refuse the session well within a second', async () => {
    const session = await signInAt(owner.email, owner.password, gateways[1]);
    const logout = await call(gateways[0], 'POST', '/v1/auth/logout', session);
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(
      /^leadgate_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/,
    );
    const answeredAt = Date.now();
    const delays = await Promise.all(
      gateways.map(async (url) => {
        await waitFor(
          'session refused',
          async () => ((await call(url, 'GET', '/v1/admin/campaigns', session)).status === 401 ? true : undefined),
          5000,
          5,
        );
        return Date.now() - answeredAt;
      }),
    );
    console.log(`sign-out reached both gateways in ${delays.join(' ms, ')} ms`);
    expect(Math.max(...delays)).toBeLessThan(1000);
  });

  it('ends a removed person’s sessions on every gateway', async () => {
    const ownerSession = await signInAt(owner.email, owner.password);
    const asOwner = (method: string, path: string, body?: unknown) =>
      call(gateways[0], method, path, ownerSession, body);
    const viewer = await personWithRole('viewer', asOwner);
    expect((await asOwner('DELETE', `/v1/admin/users/${viewer.id}`)).status).toBe(204);
    for (const url of gateways) {
      await waitFor(
        'removed person refused',
        async () => ((await call(url, 'GET', '/v1/auth/session', viewer.session)).status === 401 ? true : undefined),
        2000,
        5,
      );
    }
    expect((await asOwner('GET', `/v1/admin/users/${viewer.id}`)).status).toBe(404);
  });

  it('answers 404 for another account’s people, whatever that account may do in its own', async () => {
    const admin = gatewayClient(gateways[0], adminToken);
    const person = await personWithRole('viewer', (method, path, body) => admin(method, path, body));
    const other = await bootstrapAccount(platform.services.identity!.url, 'Other people account');
    const stranger = gatewayClient(gateways[0], other.admin_token);
    await waitFor('other owner token at the gateway', async () =>
      (await stranger('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    expect((await stranger('GET', `/v1/admin/users/${person.id}`)).status).toBe(404);
    expect((await stranger('PATCH', `/v1/admin/users/${person.id}`, { role: 'admin' })).status).toBe(404);
    expect((await stranger('DELETE', `/v1/admin/users/${person.id}`)).status).toBe(404);
    const listed = await stranger('GET', '/v1/admin/users');
    expect(JSON.stringify(listed.body)).not.toContain(person.id);
    // Untouched in its own account.
    expect((await admin('GET', `/v1/admin/users/${person.id}`)).body).toMatchObject({
      role: 'viewer',
      status: 'active',
    });
  });

  it('refuses a session string used as a Bearer token', async () => {
    const session = await signInAt(owner.email, owner.password);
    const bearer = gatewayClient(gateways[0], session.cookie.split('=')[1]);
    expect((await bearer('GET', '/v1/admin/campaigns')).status).toBe(401);
  });

  it('throttles sign-in per e-mail: 429 with Retry-After, even for the right password', async () => {
    const admin = gatewayClient(gateways[0], adminToken);
    const person = await personWithRole('viewer', (method, path, body) => admin(method, path, body));
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await call(gateways[0], 'POST', '/v1/auth/login', null, {
        email: person.email,
        password: 'wrong-password-here',
      });
      expect(failed.status).toBe(401);
    }
    const throttled = await call(gateways[0], 'POST', '/v1/auth/login', null, {
      email: person.email,
      password: strongPassword('viewer'),
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
