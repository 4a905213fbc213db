import { bootstrapAccount, gatewayClient, Platform, startPlatform, uniqueRunId, waitFor } from '@leadgate/testing';

type Json = Record<string, unknown>;

/**
 * Identity's API tokens end to end: issued, scoped, renamed, rotated, revoked and expired by identity,
 * verified by the gateway from Kafka state, and last_used_at kept from the gateways' usage reports.
 * The gateway's own checks (malformed tokens, rate limits, body limits) are in apps/gateway/test.
 */
describe('API tokens', () => {
  let platform: Platform;
  let admin: ReturnType<typeof gatewayClient>;
  let adminToken: string;

  beforeAll(async () => {
    platform = await startPlatform({
      env: {
        gateway: { TOKEN_USAGE_FLUSH_MS: '200' },
        // Consumer groups of its own, so no identity of another run on the shared broker takes the usage reports.
        identity: { KAFKA_GROUP_SUFFIX: `.${uniqueRunId()}` },
      },
    });
    const account = await bootstrapAccount(platform.services.identity!.url, 'Tokens test');
    adminToken = account.admin_token;
    admin = gatewayClient(platform.gateway.url, adminToken);
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

  it('lists the scope catalogue and presets', async () => {
    const scopes = await admin('GET', '/v1/admin/scopes');
    expect(scopes.status).toBe(200);
    expect(scopes.body['presets']).toMatchObject({ crm_sync: { scopes: ['leads:*', 'files:*', 'campaigns:read'] } });
    expect((scopes.body['scopes'] as Json[]).map((entry) => entry['scope'])).toContain('receiver:post');
  });
});
