import { bootstrapAdmin, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

type Client = ReturnType<typeof gatewayClient>;
type Json = Record<string, unknown>;

const NONE = { hidden: [], masked: [], read_only: [] };

/**
 * Field access on campaign tokens (API.md §13), the admin side: made and changed through the admin
 * API, checked against the campaign's fields, shown by every token view, by introspection and by
 * GET /v1/me, and honoured by the partner schema on the campaigns service once it propagates.
 */
describe('campaign token field access through the gateway', () => {
  let platform: Platform;
  let admin: Client;
  let campaignId: string;

  const tokensOf = async () =>
    ((await admin('GET', `/v1/admin/campaigns/${campaignId}/tokens`)).body.data as Json[]).map((token) => token['id']);

  async function ready(token: string): Promise<Client> {
    const client = gatewayClient(platform.gateway.url, token);
    await waitFor('token at the gateway', async () => (await client('GET', '/v1/me')).status === 200);
    return client;
  }

  beforeAll(async () => {
    platform = await startPlatform({ env: { identity: { READ_YOUR_WRITES_WAIT_MS: '1000' } } });
    admin = (await bootstrapAdmin(platform, 'Field access test')).admin;
    const created = await admin('POST', '/v1/admin/campaigns', {
      name: 'Heat pumps DK',
      fields: [
        { key: 'name', label: 'Name', type: 'text', required: true },
        { key: 'email', label: 'E-mail', type: 'email' },
        { key: 'phone', label: 'Phone', type: 'phone' },
        { key: 'budget', label: 'Budget', type: 'number' },
        { key: 'notes', label: 'Notes', type: 'textarea' },
      ],
    });
    expect(created.status).toBe(201);
    campaignId = String(created.body['id']);
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('makes a token with field access, normalized, shown on creation, by id and in the list', async () => {
    const created = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner ABC',
      permissions: ['read', 'write'],
      field_access: { hidden: ['phone', 'budget'], masked: ['email'] },
    });
    expect(created.status).toBe(201);
    const expected = { hidden: ['budget', 'phone'], masked: ['email'], read_only: [] };
    expect(created.body['field_access']).toEqual(expected);
    const id = String(created.body['id']);
    expect((await admin('GET', `/v1/admin/tokens/${id}`)).body['field_access']).toEqual(expected);
    const listed = (await admin('GET', `/v1/admin/campaigns/${campaignId}/tokens`)).body.data as Json[];
    expect(listed.find((token) => token['id'] === id)?.['field_access']).toEqual(expected);

    const plain = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner plain',
      permissions: ['read'],
    });
    expect(plain.body['field_access']).toEqual(NONE);
    const account = await admin('POST', '/v1/admin/tokens', { name: 'CRM', preset: 'crm_sync' });
    expect(account.body['field_access']).toBeNull();
  });

  it('refuses field access that does not fit the campaign (422 with paths), making nothing', async () => {
    const before = await tokensOf();
    const cases: [Json, string[]][] = [
      [{ hidden: ['nope'] }, ['field_access.hidden.0']],
      [{ masked: ['email', 'budget'] }, ['field_access.masked.1']],
      [{ read_only: ['notes', 'name'] }, ['field_access.read_only.1']],
      [
        { hidden: ['name'], read_only: ['email'], masked: ['email'] },
        ['field_access.hidden.0', 'field_access.read_only.0'],
      ],
    ];
    for (const [fieldAccess, paths] of cases) {
      const refused = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
        name: 'Writer',
        permissions: ['read', 'write'],
        field_access: fieldAccess,
      });
      expect({ fieldAccess, status: refused.status, type: refused.body['type'] }).toEqual({
        fieldAccess,
        status: 422,
        type: expect.stringContaining('validation_failed'),
      });
      expect((refused.body['errors'] as Json[]).map((error) => error['path'])).toEqual(paths);
    }
    expect(await tokensOf()).toEqual(before);

    // A reader never fills the required field, so it may have it hidden.
    const reader = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Reader',
      permissions: ['read'],
      field_access: { hidden: ['name'] },
    });
    expect(reader.status).toBe(201);
    expect(reader.body['field_access']).toEqual({ hidden: ['name'], masked: [], read_only: [] });
  });

  it('changes a token\u2019s field access: new version, seen by /v1/me, introspection and the partner schema', async () => {
    const created = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Vendor North',
      permissions: ['read', 'write'],
    });
    const id = String(created.body['id']);
    const secret = String(created.body['token']);
    const partner = await ready(secret);
    const fullSchema = await waitFor('full partner schema', async () => {
      const response = await partner('GET', `/v1/campaigns/${campaignId}/schema`);
      return response.status === 200 ? response.body : undefined;
    });
    expect((fullSchema['fields'] as Json[]).map((field) => [field['key'], field['access']])).toEqual([
      ['name', 'full'],
      ['email', 'full'],
      ['phone', 'full'],
      ['budget', 'full'],
      ['notes', 'full'],
    ]);

    const patched = await admin('PATCH', `/v1/admin/tokens/${id}`, {
      field_access: { hidden: ['phone'], masked: ['email'], read_only: ['notes'] },
    });
    expect(patched.status).toBe(200);
    const access = { hidden: ['phone'], masked: ['email'], read_only: ['notes'] };
    expect(patched.body).toMatchObject({ field_access: access, version: Number(created.body['version']) + 1 });

    const me = await waitFor('the change at the gateway', async () => {
      const response = await partner('GET', '/v1/me');
      return JSON.stringify(response.body['field_access']) === JSON.stringify(access) ? response.body : undefined;
    });
    expect(me).toMatchObject({ id, kind: 'campaign', campaign_id: campaignId });

    const schema = await waitFor('the change at the campaigns service', async () => {
      const response = await partner('GET', `/v1/campaigns/${campaignId}/schema`);
      const fields = (response.body['fields'] ?? []) as Json[];
      return fields.some((field) => field['access'] === 'masked') ? response.body : undefined;
    });
    expect((schema['fields'] as Json[]).map((field) => [field['key'], field['access']])).toEqual([
      ['name', 'full'],
      ['email', 'masked'],
      ['budget', 'full'],
      ['notes', 'read_only'],
    ]);
    expect(JSON.stringify(schema)).not.toContain('phone');
    expect(schema).not.toHaveProperty('field_access');
    // Admins are never narrowed.
    const adminSchema = await admin('GET', `/v1/campaigns/${campaignId}/schema`);
    expect((adminSchema.body['fields'] as Json[]).map((field) => field['access'])).toEqual(Array(5).fill('full'));

    const introspected = await admin('POST', '/oauth/introspect', { token: secret });
    expect(introspected.status).toBe(200);
    expect(introspected.body).toMatchObject({ active: true, sub: id, kind: 'campaign', field_access: access });

    // What does not fit is refused and changes nothing.
    const refused = await admin('PATCH', `/v1/admin/tokens/${id}`, { field_access: { hidden: ['name'] } });
    expect(refused.status).toBe(422);
    expect(refused.body['errors']).toEqual([
      { path: 'field_access.hidden.0', message: expect.stringContaining('"name" is required') },
    ]);
    expect((await admin('GET', `/v1/admin/tokens/${id}`)).body).toMatchObject({
      field_access: access,
      version: patched.body['version'],
    });

    // The change is in the audit log as a token update, without the body.
    const entry = await waitFor('the change in the audit log', async () => {
      const page = await admin('GET', '/v1/admin/audit?limit=200');
      return (page.body.data as Json[]).find(
        (item) => item['action'] === 'tokens.update' && (item['target'] as Json)['id'] === id,
      );
    });
    expect(JSON.stringify(entry)).not.toContain('field_access');
  });

  it('has no field access for account tokens (422), and keeps the no-escalation rule (403)', async () => {
    const account = await admin('POST', '/v1/admin/tokens', { name: 'CRM sync', preset: 'crm_sync' });
    const accountId = String(account.body['id']);
    const onAccount = await admin('PATCH', `/v1/admin/tokens/${accountId}`, { field_access: { hidden: ['phone'] } });
    expect(onAccount.status).toBe(422);
    expect(onAccount.body['errors']).toEqual([{ path: 'field_access', message: expect.any(String) }]);
    const introspected = await admin('POST', '/oauth/introspect', { token: String(account.body['token']) });
    expect(introspected.body['active']).toBe(true);
    expect(introspected.body).not.toHaveProperty('field_access');

    const target = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner XYZ',
      permissions: ['read', 'write'],
      field_access: { hidden: ['phone'] },
    });
    const targetId = String(target.body['id']);
    const manager = await admin('POST', '/v1/admin/tokens', { name: 'Token manager', scopes: ['tokens:*'] });
    const asManager = await ready(String(manager.body['token']));
    const escalation = await asManager('PATCH', `/v1/admin/tokens/${targetId}`, { field_access: NONE });
    expect(escalation.status).toBe(403);
    expect(String(escalation.body['type'])).toContain('insufficient_scope');
    expect((await admin('GET', `/v1/admin/tokens/${targetId}`)).body).toMatchObject({
      field_access: { hidden: ['phone'], masked: [], read_only: [] },
      version: 1,
    });
  });
});
