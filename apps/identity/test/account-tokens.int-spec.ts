import { bootstrapAccount, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

type Json = Record<string, unknown>;

/** API tokens end to end: identity issues, the gateway verifies locally from Kafka state. */
describe('API tokens through the gateway', () => {
  let platform: Platform;
  let admin: ReturnType<typeof gatewayClient>;
  let adminToken: string;
  let anonymous: ReturnType<typeof gatewayClient>;

  beforeAll(async () => {
    platform = await startPlatform({ env: { gateway: { TOKEN_USAGE_FLUSH_MS: '200' } } });
    const account = await bootstrapAccount(platform.services.identity!.url, 'Tokens test');
    adminToken = account.admin_token;
    admin = gatewayClient(platform.gateway.url, adminToken);
    anonymous = gatewayClient(platform.gateway.url);
    // The gateway learns the new owner token from identity.tokens.v1.
    await waitFor('owner token at the gateway', async () =>
      (await admin('GET', '/v1/me')).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('answers /v1/me with the token as the platform sees it, never the secret', async () => {
    const me = await admin('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'account', scopes: ['admin'], campaign_id: null, filter_id: null });
    expect(JSON.stringify(me.body)).not.toContain(adminToken.slice(21));
    expect(me.headers.get('ratelimit-limit')).toBe('1200');
  });

  it('refuses missing, malformed, mistyped and unknown tokens with 401 and the Bearer challenge', async () => {
    const cases: [string, Record<string, string>][] = [
      ['missing', {}],
      ['not bearer', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['malformed', { authorization: 'Bearer hello' }],
      ['bad checksum', { authorization: `Bearer ${adminToken.slice(0, -1)}${adminToken.endsWith('A') ? 'B' : 'A'}` }],
      [
        'unknown',
        {
          authorization: `Bearer ${adminToken.replace(/^lgt_(.)/, (_m, c: string) => `lgt_${c === 'Z' ? 'Y' : 'Z'}`)}`,
        },
      ],
    ];
    for (const [label, headers] of cases) {
      const response = await anonymous('GET', '/v1/me', undefined, headers);
      expect({ label, status: response.status }).toEqual({ label, status: 401 });
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('creates an account token from a preset, shows its secret once, and lists it without', async () => {
    const created = await admin('POST', '/v1/admin/tokens', { name: 'CRM sync', preset: 'crm_sync' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'CRM sync',
      kind: 'account',
      scopes: ['leads:*', 'files:*', 'campaigns:read'],
    });
    expect(String(created.body['token'])).toMatch(/^lgt_[A-Za-z0-9]{16}_[A-Za-z0-9]{38}$/);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('location')).toBe(`/v1/admin/tokens/${String(created.body['id'])}`);

    const read = await admin('GET', `/v1/admin/tokens/${String(created.body['id'])}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('token');
    expect(JSON.stringify(read.body)).not.toContain(String(created.body['token']).slice(21, 53));
    const list = await admin('GET', '/v1/admin/tokens');
    expect((list.body.data as Json[]).map((token) => token['id'])).toContain(created.body['id']);
    expect(JSON.stringify(list.body)).not.toMatch(/lgt_[A-Za-z0-9]{16}_/);
  });

  it('refuses unknown scopes, a past expiry, and both or neither of scopes and preset (422)', async () => {
    const unknown = await admin('POST', '/v1/admin/tokens', { name: 'x', scopes: ['leads:read', 'leads:destroy'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body['errors']).toEqual([{ path: 'scopes', message: 'unknown scope leads:destroy' }]);
    const past = await admin('POST', '/v1/admin/tokens', {
      name: 'x',
      scopes: ['leads:read'],
      expires_at: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(422);
    const both = await admin('POST', '/v1/admin/tokens', { name: 'x', scopes: ['leads:read'], preset: 'crm_sync' });
    expect(both.status).toBe(422);
  });

  it('lets no token grant more than it holds, and needs the tokens scopes', async () => {
    const integrator = await admin('POST', '/v1/admin/tokens', { name: 'Integrator', preset: 'integration_admin' });
    const asIntegrator = gatewayClient(platform.gateway.url, String(integrator.body['token']));
    await waitFor('integrator token', async () =>
      (await asIntegrator('GET', '/v1/me')).status === 200 ? true : undefined,
    );

    const escalate = await asIntegrator('POST', '/v1/admin/tokens', { name: 'sneaky', scopes: ['admin'] });
    expect(escalate.status).toBe(403);
    expect(escalate.body['type']).toContain('insufficient_scope');
    const leads = await asIntegrator('POST', '/v1/admin/tokens', { name: 'sneaky', scopes: ['leads:read'] });
    expect(leads.status).toBe(403);
    const allowed = await asIntegrator('POST', '/v1/admin/tokens', { name: 'ok', scopes: ['campaigns:read'] });
    expect(allowed.status).toBe(201);

    const analytics = await admin('POST', '/v1/admin/tokens', { name: 'Analytics', preset: 'read_only_analytics' });
    const asAnalytics = gatewayClient(platform.gateway.url, String(analytics.body['token']));
    await waitFor('analytics token', async () =>
      (await asAnalytics('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    const forbidden = await asAnalytics('GET', '/v1/admin/tokens');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body['detail']).toContain('tokens:read');
    expect(forbidden.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('renames and re-dates a token, and revocation takes effect at the gateway within a second', async () => {
    const created = await admin('POST', '/v1/admin/tokens', { name: 'Temp', scopes: ['campaigns:read'] });
    const id = String(created.body['id']);
    const asTemp = gatewayClient(platform.gateway.url, String(created.body['token']));
    await waitFor('temp token', async () => ((await asTemp('GET', '/v1/me')).status === 200 ? true : undefined));

    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const renamed = await admin('PATCH', `/v1/admin/tokens/${id}`, { name: 'Renamed', expires_at: expiresAt });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', expires_at: expiresAt, version: 2 });

    const revoked = await admin('POST', `/v1/admin/tokens/${id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked' });
    const revokedAt = Date.now();
    await waitFor(
      'revocation at the gateway',
      async () => ((await asTemp('GET', '/v1/me')).status === 401 ? true : undefined),
      1000,
      5,
    );
    process.stdout.write(`[tokens] revocation refused at the gateway ${Date.now() - revokedAt} ms after the 200\n`);
  });

  it('rotates a token: the new secret works at once, the old one only for its grace period', async () => {
    const created = await admin('POST', '/v1/admin/tokens', { name: 'Rotating', scopes: ['campaigns:read'] });
    const id = String(created.body['id']);
    const oldClient = gatewayClient(platform.gateway.url, String(created.body['token']));
    await waitFor('token', async () => ((await oldClient('GET', '/v1/me')).status === 200 ? true : undefined));

    const rotated = await admin('POST', `/v1/admin/tokens/${id}/rotate`, { grace_period_seconds: 2 });
    expect(rotated.status).toBe(200);
    expect(rotated.body['id']).toBe(id);
    const newClient = gatewayClient(platform.gateway.url, String(rotated.body['token']));
    await waitFor(
      'new secret',
      async () => ((await newClient('GET', '/v1/me')).status === 200 ? true : undefined),
      2000,
      5,
    );
    expect((await oldClient('GET', '/v1/me')).status).toBe(200);
    await waitFor(
      'old secret to expire',
      async () => ((await oldClient('GET', '/v1/me')).status === 401 ? true : undefined),
      5000,
      50,
    );

    const again = await admin('POST', `/v1/admin/tokens/${id}/rotate`, {});
    const newest = gatewayClient(platform.gateway.url, String(again.body['token']));
    await waitFor(
      'newest secret',
      async () => ((await newest('GET', '/v1/me')).status === 200 ? true : undefined),
      2000,
      5,
    );
    expect((await newClient('GET', '/v1/me')).status).toBe(401);
  });

  it('refuses a token once its expiry has passed', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await admin('POST', '/v1/admin/tokens', {
      name: 'Brief',
      scopes: ['campaigns:read'],
      expires_at: expiresAt,
    });
    expect(created.status).toBe(201);
    const client = gatewayClient(platform.gateway.url, String(created.body['token']));
    expect(
      (
        await waitFor('token', async () => {
          const r = await client('GET', '/v1/me');
          return r.status === 200 ? r : undefined;
        })
      ).status,
    ).toBe(200);
    const expired = await waitFor(
      'expiry',
      async () => {
        const r = await client('GET', '/v1/me');
        return r.status === 401 ? r : undefined;
      },
      5000,
      50,
    );
    expect(expired.body['detail']).toBe('The token has expired.');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    expect((await admin('GET', `/v1/admin/tokens/${String(created.body['id'])}`)).body['status']).toBe('expired');
  });

  it('keeps last_used_at without a write per request', async () => {
    const created = await admin('POST', '/v1/admin/tokens', { name: 'Used', scopes: ['campaigns:read'] });
    const id = String(created.body['id']);
    expect(created.body['last_used_at']).toBeNull();
    const client = gatewayClient(platform.gateway.url, String(created.body['token']));
    await waitFor('token', async () => ((await client('GET', '/v1/me')).status === 200 ? true : undefined));
    const seen = await waitFor('last_used_at', async () => {
      const read = await admin('GET', `/v1/admin/tokens/${id}`);
      const lastUsedAt = read.body['last_used_at'];
      return typeof lastUsedAt === 'string' ? lastUsedAt : undefined;
    });
    expect(Date.parse(seen)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('limits each token to its rate: 429 with Retry-After and RateLimit headers', async () => {
    const created = await admin('POST', '/v1/admin/tokens', {
      name: 'Slow',
      scopes: ['campaigns:read'],
      rate_limit_per_minute: 3,
    });
    const client = gatewayClient(platform.gateway.url, String(created.body['token']));
    await waitFor('token', async () => ((await client('GET', '/v1/me')).status === 200 ? true : undefined));
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof client>> | undefined;
    for (let index = 0; index < 4; index++) {
      last = await client('GET', '/v1/me');
      statuses.push(last.status);
    }
    expect(statuses.slice(-2)).toContain(429);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last?.headers.get('ratelimit-remaining')).toBe('0');
    expect(last?.headers.get('content-type')).toContain('application/problem+json');
  });

  it('falls back to the account default rate limit for tokens without their own', async () => {
    const created = await admin('POST', '/v1/admin/tokens', { name: 'Default-limited', scopes: ['campaigns:read'] });
    const client = gatewayClient(platform.gateway.url, String(created.body['token']));
    await waitFor('token', async () => ((await client('GET', '/v1/me')).status === 200 ? true : undefined));
    const settings = await admin('PATCH', '/v1/admin/account', { default_rate_limit_per_minute: 2 });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ default_rate_limit_per_minute: 2 });
    await waitFor('account default at the gateway', async () => {
      const response = await client('GET', '/v1/me');
      return response.headers.get('ratelimit-limit') === '2' || response.status === 429 ? true : undefined;
    });
    const refused = await waitFor('429', async () => {
      const response = await client('GET', '/v1/me');
      return response.status === 429 ? response : undefined;
    });
    expect(refused.headers.get('ratelimit-limit')).toBe('2');
    // A token with a limit of its own keeps it; clearing the default restores the platform's.
    expect((await admin('PATCH', '/v1/admin/account', { default_rate_limit_per_minute: null })).status).toBe(200);
    await waitFor('platform default again', async () =>
      (await admin('GET', '/v1/me')).headers.get('ratelimit-limit') === '1200' ? true : undefined,
    );
    expect((await admin('PATCH', '/v1/admin/account', { default_rate_limit_per_minute: 0 })).status).toBe(422);
  });

  it('answers 413 for a body over the limit and 404/405 problems for unknown routes', async () => {
    const big = await admin('POST', '/v1/admin/tokens', { name: 'x'.repeat(2 * 1024 * 1024), scopes: ['leads:read'] });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
    const missing = await admin('GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    const method = await admin('DELETE', '/v1/me');
    expect([404, 405]).toContain(method.status);
  });

  it('lists the scope catalogue and presets', async () => {
    const scopes = await admin('GET', '/v1/admin/scopes');
    expect(scopes.status).toBe(200);
    expect(scopes.body['presets']).toMatchObject({ crm_sync: { scopes: ['leads:*', 'files:*', 'campaigns:read'] } });
    expect((scopes.body['scopes'] as Json[]).map((entry) => entry['scope'])).toContain('receiver:post');
  });
});
