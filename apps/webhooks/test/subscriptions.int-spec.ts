import { readFileSync } from 'node:fs';
import {
  bootstrapAdmin,
  expectStatus,
  gatewayClient,
  GatewayClient,
  Platform,
  startPlatform,
  waitFor,
} from '@leadgate/testing';

/**
 * Webhook subscriptions (API.md §12) through the gateway, tried the way an attacker would: another
 * account's token, a read-only partner, an account token whose scopes do not cover the target, ids
 * that do not exist, URLs that point inside the network or use other schemes, and a secret that
 * must never come back nor reach a log. Private targets are NOT allowed here: the production default.
 */
describe('webhook subscriptions', () => {
  let platform: Platform;
  let admin: GatewayClient;
  let otherAdmin: GatewayClient;
  let campaignId: string;
  let partner: GatewayClient;
  let partnerTokenId: string;
  let readOnly: GatewayClient;
  let readOnlyTokenId: string;
  let stranger: GatewayClient;
  let strangerTokenId: string;
  let integration: GatewayClient;
  let ownerTokenId: string;
  const secretsSeen: string[] = [];

  const PUBLIC_URL = 'https://93.184.216.34/leadgate/events';
  const body = (url = PUBLIC_URL) => ({ url, events: ['lead.created', 'lead.status_changed'], description: 'CRM' });

  async function token(client: GatewayClient, path: string, payload: Record<string, unknown>) {
    const made = expectStatus(await client('POST', path, payload), 201, `token ${String(payload['name'])}`);
    return { id: String(made['id']), client: gatewayClient(platform.gateway.url, String(made['token'])) };
  }

  /** The webhooks service learns tokens from Kafka: a token's first call waits until it knows it. */
  async function known(client: GatewayClient, path = '/v1/webhooks') {
    await waitFor(`token known to webhooks (${path})`, async () =>
      (await client('GET', path)).status === 200 ? true : undefined,
    );
  }

  async function created(client: GatewayClient, path: string, payload: unknown) {
    const answer = await client('POST', path, payload);
    const subscription = expectStatus(answer, 201, `subscription at ${path}`);
    secretsSeen.push(String(subscription['secret']));
    return subscription;
  }

  beforeAll(async () => {
    platform = await startPlatform({
      apps: ['identity', 'campaigns', 'webhooks'],
      env: { webhooks: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false', WEBHOOK_MAX_SUBSCRIPTIONS_PER_TOKEN: '5' } },
    });
    const account = await bootstrapAdmin(platform, 'Webhooks A');
    admin = account.admin;
    const other = await bootstrapAdmin(platform, 'Webhooks B');
    otherAdmin = other.admin;
    campaignId = String(
      expectStatus(await admin('POST', '/v1/admin/campaigns', { name: 'Heat pumps DK' }), 201, 'campaign')['id'],
    );
    const otherCampaign = String(
      expectStatus(await otherAdmin('POST', '/v1/admin/campaigns', { name: 'Solar SE' }), 201, 'campaign B')['id'],
    );
    const tokens = `/v1/admin/campaigns/${campaignId}/tokens`;
    ({ id: partnerTokenId, client: partner } = await token(admin, tokens, {
      name: 'Partner ABC',
      permissions: ['webhooks', 'read'],
    }));
    ({ id: readOnlyTokenId, client: readOnly } = await token(admin, tokens, {
      name: 'Read only',
      permissions: ['read'],
    }));
    ({ id: strangerTokenId, client: stranger } = await token(
      otherAdmin,
      `/v1/admin/campaigns/${otherCampaign}/tokens`,
      {
        name: 'Other account partner',
        permissions: ['read', 'write', 'webhooks'],
      },
    ));
    ({ client: integration } = await token(admin, '/v1/admin/tokens', {
      name: 'Webhook integration',
      scopes: ['webhooks:*', 'leads:read'],
    }));
    ownerTokenId = String(expectStatus(await admin('GET', '/v1/me'), 200, 'owner')['id']);
    await Promise.all([known(partner), known(stranger), known(integration), known(admin)]);
    await waitFor('read-only token at the gateway', async () =>
      (await readOnly('GET', '/v1/me')).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('the webhooks permission is the two scopes, with read', async () => {
    const me = expectStatus(await partner('GET', '/v1/me'), 200, 'me');
    expect(me['scopes']).toEqual(expect.arrayContaining(['leads:read', 'webhooks:read', 'webhooks:write']));
    expect(me['scopes']).not.toContain('leads:write');
    const refused = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'x',
      permissions: ['webhooks'],
    });
    expect(refused.status).toBe(422);
  });

  it('makes a subscription for the calling token; the secret is shown once, then never again', async () => {
    const subscription = await created(partner, '/v1/webhooks', body());
    expect(subscription).toMatchObject({
      token_id: partnerTokenId,
      campaign_id: campaignId,
      url: PUBLIC_URL,
      events: ['lead.created', 'lead.status_changed'],
      status: 'active',
      description: 'CRM',
      version: 1,
    });
    expect(subscription['secret']).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription['id']).toMatch(/^whk_/);
    const id = String(subscription['id']);
    const secret = String(subscription['secret']);
    const secretBytes = secret.slice('whsec_'.length);

    const answers = [
      await partner('GET', `/v1/webhooks/${id}`),
      await partner('GET', '/v1/webhooks'),
      await partner('PATCH', `/v1/webhooks/${id}`, { description: 'CRM v2' }),
      await admin('GET', '/v1/admin/webhooks'),
      await admin('GET', `/v1/admin/tokens/${partnerTokenId}/webhooks`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(secretBytes);
      expect(text).not.toMatch(/secret/);
    }
    expect(answers[2]?.body).toMatchObject({ description: 'CRM v2', version: 2 });

    const rotated = expectStatus(await partner('POST', `/v1/webhooks/${id}/rotate-secret`), 200, 'rotate');
    secretsSeen.push(String(rotated['secret']));
    expect(rotated['secret']).toMatch(/^whsec_/);
    expect(rotated['secret']).not.toBe(secret);
    expect(rotated).toMatchObject({ id, version: 3 });
    expect(JSON.stringify((await partner('GET', `/v1/webhooks/${id}`)).body)).not.toContain(
      String(rotated['secret']).slice(6),
    );
  });

  it('another account never sees, changes, rotates or deletes it: 404, and nothing changes', async () => {
    const id = String((await created(partner, '/v1/webhooks', body()))['id']);
    const attempts = [
      await stranger('GET', `/v1/webhooks/${id}`),
      await stranger('PATCH', `/v1/webhooks/${id}`, { url: 'https://203.0.114.1/steal' }),
      await stranger('DELETE', `/v1/webhooks/${id}`),
      await stranger('POST', `/v1/webhooks/${id}/rotate-secret`),
      await otherAdmin('GET', `/v1/webhooks/${id}`),
      await otherAdmin('DELETE', `/v1/webhooks/${id}`),
      await otherAdmin('GET', `/v1/admin/tokens/${partnerTokenId}/webhooks`),
      await otherAdmin('POST', `/v1/admin/tokens/${partnerTokenId}/webhooks`, body()),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(answer.body)).not.toContain(PUBLIC_URL);
    }
    expect((await stranger('GET', '/v1/webhooks')).body['data']).toEqual([]);
    expect(((await otherAdmin('GET', '/v1/admin/webhooks')).body['data'] as unknown[]).length).toBe(0);
    // The stranger's own token cannot be named by this account's admin either.
    expect((await admin('POST', `/v1/admin/tokens/${strangerTokenId}/webhooks`, body())).status).toBe(404);
    const after = expectStatus(await partner('GET', `/v1/webhooks/${id}`), 200, 'after');
    expect(after).toMatchObject({ url: PUBLIC_URL, version: 1, status: 'active' });
  });

  it('a read-only partner and a token of the same account without cover get 403 or 404, never the subscription', async () => {
    const id = String((await created(partner, '/v1/webhooks', body()))['id']);
    const create = await readOnly('POST', '/v1/webhooks', body());
    expect(create.status).toBe(403);
    expect(create.body).toMatchObject({ type: expect.stringContaining('insufficient_scope') });
    expect(create.body['detail']).toContain('webhooks:write');
    expect((await readOnly('GET', '/v1/webhooks')).status).toBe(403);
    expect((await readOnly('GET', `/v1/webhooks/${id}`)).status).toBe(403);
    expect((await readOnly('DELETE', `/v1/webhooks/${id}`)).status).toBe(403);
    // Partners never reach the admin routes, not even for their own token.
    expect((await partner('POST', `/v1/admin/tokens/${partnerTokenId}/webhooks`, body())).status).toBe(403);
    expect((await partner('GET', '/v1/admin/webhooks')).status).toBe(403);
    // An account token with webhooks:* but not the partner's files and campaigns scopes: no escalation.
    expect((await integration('GET', `/v1/webhooks/${id}`)).status).toBe(404);
    expect((await integration('DELETE', `/v1/webhooks/${id}`)).status).toBe(404);
    const forPartner = await integration('POST', `/v1/admin/tokens/${partnerTokenId}/webhooks`, body());
    expect(forPartner.status).toBe(403);
    expect(forPartner.body['detail']).toContain('campaigns:read');
    const forOwner = await integration('POST', `/v1/admin/tokens/${ownerTokenId}/webhooks`, body());
    expect(forOwner.status).toBe(403);
    expect(forOwner.body['detail']).toContain('admin');
    expect((await integration('GET', `/v1/admin/tokens/${ownerTokenId}/webhooks`)).status).toBe(403);
    const seen = (await integration('GET', '/v1/admin/webhooks')).body['data'] as { token_id: string }[];
    expect(seen.every((subscription) => subscription.token_id !== partnerTokenId)).toBe(true);
    expect((await partner('GET', `/v1/webhooks/${id}`)).body).toMatchObject({ version: 1 });
  });

  it('the owner manages a partner token\u2019s subscriptions; an admin-made one belongs to the partner', async () => {
    const made = await created(admin, `/v1/admin/tokens/${partnerTokenId}/webhooks`, {
      url: PUBLIC_URL,
      events: ['lead.updated'],
    });
    expect(made).toMatchObject({ token_id: partnerTokenId, campaign_id: campaignId, events: ['lead.updated'] });
    const id = String(made['id']);
    expect((await partner('GET', `/v1/webhooks/${id}`)).status).toBe(200);
    expect(
      expectStatus(await admin('PATCH', `/v1/webhooks/${id}`, { status: 'disabled' }), 200, 'disable'),
    ).toMatchObject({
      status: 'disabled',
      disabled_reason: 'disabled by hand',
    });
    expect(
      expectStatus(await partner('PATCH', `/v1/webhooks/${id}`, { status: 'active' }), 200, 'enable'),
    ).toMatchObject({
      status: 'active',
      disabled_reason: null,
      disabled_at: null,
    });
    expect((await admin('DELETE', `/v1/webhooks/${id}`)).status).toBe(204);
    expect((await partner('GET', `/v1/webhooks/${id}`)).status).toBe(404);
    expect((await partner('DELETE', `/v1/webhooks/${id}`)).status).toBe(404);
  });

  it('unknown ids are 404 problems', async () => {
    for (const id of ['whk_doesnotexist00000000', 'whk_', 'x'.repeat(64)]) {
      const answer = await partner('GET', `/v1/webhooks/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await partner('POST', `/v1/webhooks/${id}/rotate-secret`)).status).toBe(404);
      expect((await partner('PATCH', `/v1/webhooks/${id}`, { description: 'x' })).status).toBe(404);
    }
    expect((await admin('GET', '/v1/admin/tokens/tok_doesnotexist/webhooks')).status).toBe(404);
    expect((await admin('POST', '/v1/admin/tokens/tok_doesnotexist/webhooks', body())).status).toBe(404);
  });

  it.each([
    ['ftp', 'ftp://93.184.216.34/in'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'not a url'],
    ['a relative path', '/hooks/in'],
    ['plain http', 'http://93.184.216.34/in'],
    ['loopback', 'https://127.0.0.1/in'],
    ['IPv6 loopback', 'https://[::1]/in'],
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data'],
    ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/'],
    ['a private network', 'https://10.0.0.8/in'],
    ['localhost by name', 'https://localhost/in'],
    ['a decimal loopback', 'https://2130706433/in'],
    ['credentials in the URL', 'https://user:pw@93.184.216.34/in'],
  ])('refuses %s with 422 on create and on PATCH, storing nothing', async (_what, url) => {
    const before = (await partner('GET', '/v1/webhooks')).body['data'] as unknown[];
    const refused = await partner('POST', '/v1/webhooks', body(url));
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body['errors']).toEqual([expect.objectContaining({ path: 'url' })]);
    expect(JSON.stringify(refused.body)).not.toContain('pw@');
    const adminRefused = await admin('POST', `/v1/admin/tokens/${partnerTokenId}/webhooks`, body(url));
    expect(adminRefused.status).toBe(422);
    expect((await partner('GET', '/v1/webhooks')).body['data']).toEqual(before);
    const existing = before[0] as { id: string; url: string; version: number } | undefined;
    if (existing) {
      expect((await partner('PATCH', `/v1/webhooks/${existing.id}`, { url })).status).toBe(422);
      expect((await partner('GET', `/v1/webhooks/${existing.id}`)).body).toMatchObject({
        url: existing.url,
        version: existing.version,
      });
    }
  });

  it('refuses bad bodies with problem+json listing each problem', async () => {
    for (const bad of [
      { url: PUBLIC_URL, events: [] },
      { url: PUBLIC_URL, events: ['lead.deleted'] },
      { url: PUBLIC_URL, events: ['lead.created', 'lead.created'] },
      { url: PUBLIC_URL },
      { url: PUBLIC_URL, events: ['lead.created'], token_id: ownerTokenId },
      { url: PUBLIC_URL, events: ['lead.created'], secret: 'whsec_chosen' },
      { url: { $gt: '' }, events: ['lead.created'] },
    ]) {
      const answer = await partner('POST', '/v1/webhooks', bad);
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Array.isArray(answer.body['errors'])).toBe(true);
    }
    expect((await partner('PATCH', '/v1/webhooks/whk_x', {})).status).toBe(422);
  });

  it('refuses a subscription for an expired token and one that cannot read leads; keeps the per-token limit', async () => {
    // Expired before the first try: no answer but 404 (not known yet) or 422 can come, never a 201.
    const expiresAt = new Date(Date.now() + 4000).toISOString();
    const expiring = await token(admin, `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Short-lived',
      permissions: ['read'],
      expires_at: expiresAt,
    });
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 200));
    const expired = await waitFor('expired token at webhooks', async () => {
      const answer = await admin('POST', `/v1/admin/tokens/${expiring.id}/webhooks`, body());
      expect([404, 422]).toContain(answer.status);
      return answer.status === 422 ? answer : undefined;
    });
    expect(expired.body['errors']).toEqual([expect.objectContaining({ path: 'token' })]);
    const noLeads = await token(admin, '/v1/admin/tokens', { name: 'No leads', scopes: ['campaigns:read'] });
    await waitFor('token at webhooks', async () => {
      const answer = await admin('POST', `/v1/admin/tokens/${noLeads.id}/webhooks`, body());
      return answer.status === 422 ? answer : undefined;
    });
    // The read-only partner can get one made by the admin; its sixth is over the limit of 5.
    for (let index = 0; index < 5; index++)
      await created(admin, `/v1/admin/tokens/${readOnlyTokenId}/webhooks`, body());
    const over = await admin('POST', `/v1/admin/tokens/${readOnlyTokenId}/webhooks`, body());
    expect(over.status).toBe(409);
    expect(
      ((await admin('GET', `/v1/admin/tokens/${readOnlyTokenId}/webhooks`)).body['data'] as unknown[]).length,
    ).toBe(5);
  });

  it('writes no secret to any log', () => {
    expect(secretsSeen.length).toBeGreaterThan(3);
    const logs = platform.logFiles().map((file) => readFileSync(file, 'utf8'));
    for (const secret of secretsSeen) {
      const bytes = secret.slice('whsec_'.length);
      for (const log of logs) expect(log).not.toContain(bytes);
    }
  });
});
