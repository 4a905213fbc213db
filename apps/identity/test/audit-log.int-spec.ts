import {
  bootstrapAccount,
  campaignCreateBody,
  gatewayClient,
  GatewayClient,
  PARTNER_CONDITION,
  Platform,
  startPlatform,
  waitFor,
} from '@leadgate/testing';

interface AuditEntry {
  id: string;
  account_id: string;
  at: string;
  actor: { kind: string; id: string; name: string | null };
  action: string;
  target: { type: string; id: string | null };
  campaign_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  service: string;
}

/**
 * The audit log (API.md §11) through the gateway: every kind of change, made by a token or a person,
 * in identity and in campaigns, reaches `GET /v1/admin/audit` newest first, with who, what, when,
 * the request id and the address, pages by cursor, stays inside its account, and holds no secret.
 */
describe('audit log', () => {
  let platform: Platform;
  let admin: GatewayClient;
  let accountId: string;
  const secrets: string[] = [];
  const owner = { email: `audit-owner-${Date.now()}@example.com`, password: 'audit-owner-password-1' };

  async function allEntries(client: GatewayClient, limit = 200): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
      const page = await client('GET', `/v1/admin/audit${query}`);
      expect(page.status).toBe(200);
      entries.push(...(page.body['data'] as AuditEntry[]));
      cursor = page.body['next_cursor'] as string | null;
    } while (cursor);
    return entries;
  }

  beforeAll(async () => {
    platform = await startPlatform();
    const account = await bootstrapAccount(platform.services.identity!.url, 'Audit test', { owner });
    accountId = account.account_id;
    secrets.push(account.admin_token, owner.password);
    admin = gatewayClient(platform.gateway.url, account.admin_token);
    await waitFor('owner token at the gateway', async () =>
      (await admin('GET', '/v1/me')).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('records every kind of change with who, what, when and the request id, newest first, and no secret', async () => {
    const token = await admin('POST', '/v1/admin/tokens', { name: 'CRM sync', scopes: ['leads:read'] });
    expect(token.status).toBe(201);
    const tokenId = String(token.body['id']);
    secrets.push(String(token.body['token']));
    const rotated = await admin('POST', `/v1/admin/tokens/${tokenId}/rotate`, {});
    expect(rotated.status).toBe(200);
    secrets.push(String(rotated.body['token']));
    const rotateRequestId = rotated.headers.get('x-request-id');
    expect((await admin('POST', `/v1/admin/tokens/${tokenId}/revoke`)).status).toBe(200);
    const credential = await admin('POST', '/v1/admin/credentials', {
      description: 'Audit',
      scope_groups: ['data_api'],
    });
    expect(credential.status).toBe(201);
    secrets.push(String(credential.body['client_secret']));
    const campaign = await admin(
      'POST',
      '/v1/admin/campaigns',
      campaignCreateBody({ name: 'Audited', fields: [], selects: ['select_partner'], statuses: [], relations: false }),
    );
    expect(campaign.status).toBe(201);
    const campaignId = String(campaign.body['id']);
    const filter = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, {
      name: 'Partner',
      condition: PARTNER_CONDITION,
    });
    expect(filter.status).toBe(201);
    expect(
      (await admin('PUT', `/v1/admin/campaigns/${campaignId}/receiver`, { require_authentication: true })).status,
    ).toBe(200);
    const invited = await admin('POST', '/v1/admin/users', {
      email: `audited-${Date.now()}@example.com`,
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    const inviteToken = new URL(String(invited.body['invite_url'])).hash.replace('#token=', '');
    secrets.push(inviteToken);
    const accepted = await admin('POST', '/v1/auth/accept-invite', {
      token: inviteToken,
      password: 'audited-person-password',
    });
    expect(accepted.status).toBe(200);
    secrets.push('audited-person-password');
    const login = await admin('POST', '/v1/auth/login', owner);
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    secrets.push(cookie.split('=')[1], String(login.body['csrf_token']));
    await waitFor('session at the gateway', async () => {
      const session = await fetch(`${platform.gateway.url}/v1/auth/session`, { headers: { cookie } });
      return session.status === 200 ? true : undefined;
    });
    const logout = await fetch(`${platform.gateway.url}/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': String(login.body['csrf_token']) },
    });
    expect(logout.status).toBe(204);

    const expected = [
      'tokens.create',
      'tokens.rotate',
      'tokens.revoke',
      'credentials.create',
      'campaigns.create',
      'filters.create',
      'receiver.update',
      'users.create',
      'users.accept_invitation',
      'sessions.create',
      'sessions.delete',
    ];
    const entries = await waitFor('every change in the audit log', async () => {
      const all = await allEntries(admin);
      return expected.every((action) => all.some((entry) => entry.action === action)) ? all : undefined;
    });

    const ofAction = (action: string) => entries.find((entry) => entry.action === action) as AuditEntry;
    expect(ofAction('tokens.rotate')).toMatchObject({
      account_id: accountId,
      actor: { kind: 'account', name: 'Owner token' },
      target: { type: 'tokens', id: tokenId },
      request_id: rotateRequestId,
      service: 'identity',
    });
    expect(ofAction('tokens.rotate').client_ip).toBeTruthy();
    expect(ofAction('filters.create')).toMatchObject({
      target: { type: 'filters', id: String(filter.body['id']) },
      campaign_id: campaignId,
      service: 'campaigns',
    });
    expect(ofAction('receiver.update')).toMatchObject({ target: { id: campaignId }, campaign_id: campaignId });
    expect(ofAction('sessions.create').actor).toMatchObject({ kind: 'user', name: owner.email });
    expect(ofAction('sessions.delete').actor).toMatchObject({ kind: 'user', name: owner.email });
    // Newest first: the order of the answer is the order of `at`, latest on top.
    const times = entries.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
    const text = JSON.stringify(entries);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const whole = await allEntries(admin, 200);
    const paged = await allEntries(admin, 3);
    expect(paged.map((entry) => entry.id)).toEqual(whole.map((entry) => entry.id));
    expect(new Set(paged.map((entry) => entry.id)).size).toBe(paged.length);
    const bad = await admin('GET', '/v1/admin/audit?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
  });

  it('needs audit:read, and shows an account only its own entries', async () => {
    const reader = await admin('POST', '/v1/admin/tokens', { name: 'No audit', scopes: ['tokens:read'] });
    const noAudit = gatewayClient(platform.gateway.url, String(reader.body['token']));
    await waitFor('token at the gateway', async () =>
      (await noAudit('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    expect((await noAudit('GET', '/v1/admin/audit')).status).toBe(403);
    const other = await bootstrapAccount(platform.services.identity!.url, 'Other audit account');
    const otherAdmin = gatewayClient(platform.gateway.url, other.admin_token);
    await waitFor('other owner token', async () =>
      (await otherAdmin('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    expect((await otherAdmin('POST', '/v1/admin/tokens', { name: 'Mine', scopes: ['leads:read'] })).status).toBe(201);
    const theirs = await waitFor('the other account’s entry', async () => {
      const entries = await allEntries(otherAdmin);
      return entries.length > 0 ? entries : undefined;
    });
    expect(theirs.every((entry) => entry.account_id === other.account_id)).toBe(true);
  });
});
