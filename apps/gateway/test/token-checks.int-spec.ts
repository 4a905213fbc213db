import { bootstrapAccount, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

/**
 * What the gateway itself decides about a bearer token before any service sees it: the 401 for a
 * token it cannot verify, the per-token and per-account rate limits, the body limit, and problem
 * answers for unknown routes. Identity's token lifecycle is tested in apps/identity/test.
 */
describe('bearer tokens at the gateway', () => {
  let platform: Platform;
  let admin: ReturnType<typeof gatewayClient>;
  let adminToken: string;
  let anonymous: ReturnType<typeof gatewayClient>;

  beforeAll(async () => {
    platform = await startPlatform();
    const account = await bootstrapAccount(platform.services.identity!.url, 'Gateway token checks test');
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
});
