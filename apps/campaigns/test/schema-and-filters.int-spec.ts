import { bootstrapAdmin, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

type Client = ReturnType<typeof gatewayClient>;
type Json = Record<string, unknown>;

/** Campaign schema pieces, filters and the partner schema endpoint, all through the gateway. */
describe('campaign schema and filters through the gateway', () => {
  let platform: Platform;
  let admin: Client;
  let campaignId: string;

  beforeAll(async () => {
    platform = await startPlatform();
    const account = await bootstrapAdmin(platform, 'Schema test');
    admin = account.admin;
    const created = await admin('POST', '/v1/admin/campaigns', {
      name: 'Heat pumps DK',
      fields: [
        { key: 'name', label: 'Name', type: 'text', required: true },
        { key: 'email', label: 'E-mail', type: 'email', required: true },
      ],
      selects: [
        { key: 'select_partner', label: 'Source', options: [{ value: 'SELECT_PARTNER', label: 'Partner ABC' }] },
      ],
    });
    expect(created.status).toBe(201);
    campaignId = String(created.body['id']);
  });

  afterAll(async () => {
    await platform.stop();
  });

  const path = (rest = '') => `/v1/admin/campaigns/${campaignId}${rest}`;

  it('adds, changes and removes every kind of schema piece, bumping the version each time', async () => {
    const steps: [string, string, unknown][] = [
      ['POST', '/fields', { key: 'postcode', label: 'Postcode', type: 'text' }],
      ['PATCH', '/fields/postcode', { label: 'Post code', required: true }],
      ['POST', '/selects/select_partner/options', { value: 'VENDOR_NORTH', label: 'Vendor North' }],
      ['PATCH', '/selects/select_partner/options/VENDOR_NORTH', { label: 'Vendor North A/S' }],
      ['POST', '/statuses', { slug: 'won', label: 'Won' }],
      ['POST', '/statuses', { slug: 'lost', label: 'Lost' }],
      ['PATCH', '/statuses/won', { order: 0 }],
      [
        'POST',
        '/relations',
        { key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] },
      ],
      ['DELETE', '/statuses/lost', undefined],
      ['POST', '/selects', { key: 'select_channel', label: 'Channel', options: [{ value: 'WEB', label: 'Web' }] }],
      ['PATCH', '/selects/select_channel', { label: 'Sales channel' }],
      ['DELETE', '/selects/select_channel', undefined],
      ['POST', '/fields', { key: 'notes', label: 'Notes', type: 'textarea' }],
      ['DELETE', '/fields/notes', undefined],
      [
        'PATCH',
        '/relations/relation_installer',
        {
          options: [
            { id: 'inst_1', label: 'Installer A' },
            { id: 'inst_2', label: 'Installer B' },
          ],
        },
      ],
      ['POST', '/relations', { key: 'relation_shop', label: 'Shop' }],
      ['DELETE', '/relations/relation_shop', undefined],
    ];
    let version = Number((await admin('GET', path())).body['version']);
    for (const [method, rest, body] of steps) {
      const response = await admin(method, path(rest), body);
      expect({ step: `${method} ${rest}`, status: response.status }).toEqual({
        step: `${method} ${rest}`,
        status: method === 'POST' ? 201 : 200,
      });
      expect(response.body['version']).toBe(++version);
    }
    const campaign = (await admin('GET', path())).body;
    expect(campaign['fields']).toContainEqual({ key: 'postcode', label: 'Post code', type: 'text', required: true });
    expect((campaign['statuses'] as Json[]).map((status) => status['slug'])).toEqual(['won', 'new']);
    expect(campaign['relations']).toEqual([
      {
        key: 'relation_installer',
        label: 'Installer',
        options: [
          { id: 'inst_1', label: 'Installer A' },
          { id: 'inst_2', label: 'Installer B' },
        ],
      },
    ]);
    expect((await admin('GET', path('/selects/select_partner/options'))).body.data).toHaveLength(2);
    for (const [piece, count] of [
      ['/fields', 3],
      ['/selects', 1],
      ['/statuses', 2],
      ['/relations', 1],
    ] as const) {
      expect({ piece, count: (await admin('GET', path(piece))).body.data?.length }).toEqual({ piece, count });
    }
    expect((await admin('GET', path('/receiver'))).body).toEqual({ require_authentication: false });
  });

  it('refuses bad keys, duplicates and unknown pieces with clear problems, changing nothing', async () => {
    const before = (await admin('GET', path())).body['version'];
    const cases: [string, string, unknown, number][] = [
      ['POST', '/fields', { key: '$where', label: 'x', type: 'text' }, 422],
      ['POST', '/fields', { key: 'a.b', label: 'x', type: 'text' }, 422],
      ['POST', '/fields', { key: 'email', label: 'again', type: 'email' }, 409],
      ['POST', '/fields', { key: 'age', label: 'Age', type: 'integer' }, 422],
      ['POST', '/selects/select_partner/options', { value: 'lower_case', label: 'x' }, 422],
      ['POST', '/selects/select_partner/options', { value: 'SELECT_PARTNER', label: 'x' }, 409],
      ['POST', '/statuses', { slug: 'New Status', label: 'x' }, 422],
      ['DELETE', '/statuses/nope', undefined, 404],
      ['DELETE', '/statuses/won', undefined, 200],
    ];
    for (const [method, rest, body, status] of cases.slice(0, -1)) {
      const response = await admin(method, path(rest), body);
      expect({ step: `${method} ${rest}`, status: response.status }).toEqual({ step: `${method} ${rest}`, status });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await admin('GET', path())).body['version']).toBe(before);
  });

  it('validates filters against the schema, versions them, and protects what they use', async () => {
    const condition = {
      all: [
        { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
        {
          any: [
            { status: 'new', op: 'eq' },
            { field: 'postcode', op: 'in', value: ['8000', '8200'] },
          ],
        },
      ],
    };
    const created = await admin('POST', path('/filters'), { name: 'Partner ABC - API access', condition });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Partner ABC - API access',
      campaign_id: campaignId,
      version: 1,
      condition,
    });
    const filterId = String(created.body['id']);

    const unknownOption = await admin('POST', path('/filters'), {
      name: 'bad',
      condition: { all: [{ select: 'select_partner', op: 'eq', value: 'NOT_AN_OPTION' }] },
    });
    expect(unknownOption.status).toBe(422);
    expect(JSON.stringify(unknownOption.body['errors'])).toContain('condition');
    const injection = await admin('POST', path('/filters'), {
      name: 'bad',
      condition: { all: [{ field: 'email', op: 'eq', value: { $ne: null } }] },
    });
    expect(injection.status).toBe(422);

    const patched = await admin('PATCH', path(`/filters/${filterId}`), {
      condition: { all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body['version']).toBe(2);

    // The filter pins SELECT_PARTNER: that option cannot go, and the answer names the filter.
    const removeOption = await admin('DELETE', path('/selects/select_partner/options/SELECT_PARTNER'));
    expect(removeOption.status).toBe(409);
    expect(String(removeOption.body['detail'])).toContain(filterId);
    expect((await admin('DELETE', path('/selects/select_partner/options/VENDOR_NORTH'))).status).toBe(200);
    expect((await admin('GET', path('/filters'))).body.data).toHaveLength(1);
  });

  it('shows a filtered partner only its pinned value in the schema', async () => {
    await admin('POST', path('/selects/select_partner/options'), { value: 'VENDOR_SOUTH', label: 'Vendor South' });
    const filter = await admin('POST', path('/filters'), {
      name: 'Vendor South only',
      condition: { all: [{ select: 'select_partner', op: 'eq', value: 'VENDOR_SOUTH' }] },
    });
    const token = await admin('POST', path('/tokens'), {
      name: 'Vendor South',
      permissions: ['read'],
      filter_id: String(filter.body['id']),
    });
    expect(token.status).toBe(201);
    const partner = gatewayClient(platform.gateway.url, String(token.body['token']));
    const schema = await waitFor('partner schema', async () => {
      const response = await partner('GET', `/v1/campaigns/${campaignId}/schema`);
      return response.status === 200 ? response : undefined;
    });
    const select = (schema.body['selects'] as Json[]).find((item) => item['key'] === 'select_partner');
    expect(select?.['options']).toEqual([{ value: 'VENDOR_SOUTH', label: 'Vendor South' }]);
    expect(schema.body['filter']).toMatchObject({
      pinned: { select_field_values: { select_partner: 'VENDOR_SOUTH' } },
    });

    const unfiltered = await admin('GET', `/v1/campaigns/${campaignId}/schema`);
    expect(((unfiltered.body['selects'] as Json[])[0]?.['options'] as Json[]).length).toBeGreaterThan(1);
    expect(unfiltered.body['filter']).toBeNull();

    // Live tokens use the filter: it cannot be deleted until they are revoked.
    const filterPath = path(`/filters/${String(filter.body['id'])}`);
    expect((await admin('DELETE', filterPath)).status).toBe(409);
    await admin('POST', `/v1/admin/tokens/${String(token.body['id'])}/revoke`);
    await waitFor(
      'revocation to reach campaigns',
      async () => ((await admin('DELETE', filterPath)).status === 204 ? true : undefined),
      5000,
    );
    expect((await admin('GET', filterPath)).status).toBe(404);
  });

  it('keeps the fields live tokens\u2019 field access names (409 used_by_token) until they are revoked', async () => {
    expect((await admin('POST', path('/fields'), { key: 'phone', label: 'Phone', type: 'phone' })).status).toBe(201);
    expect((await admin('POST', path('/fields'), { key: 'notes', label: 'Notes', type: 'textarea' })).status).toBe(201);
    const token = await admin('POST', path('/tokens'), {
      name: 'Vendor East',
      permissions: ['read', 'write'],
      field_access: { hidden: ['phone'], read_only: ['notes'] },
    });
    expect(token.status).toBe(201);
    const tokenId = String(token.body['id']);
    const partner = gatewayClient(platform.gateway.url, String(token.body['token']));
    // Once the partner schema answers, the token is in the campaigns service's read model.
    const schema = await waitFor('partner schema', async () => {
      const response = await partner('GET', `/v1/campaigns/${campaignId}/schema`);
      return response.status === 200 ? response.body : undefined;
    });
    const keys = (schema['fields'] as Json[]).map((field) => field['key']);
    expect(keys).toContain('notes');
    expect(keys).not.toContain('phone');
    const before = (await admin('GET', path())).body['version'];

    const removed = await admin('DELETE', path('/fields/phone'));
    expect(removed.status).toBe(409);
    expect(String(removed.body['type'])).toContain('used_by_token');
    expect(String(removed.body['detail'])).toContain(`Vendor East (${tokenId})`);
    expect(removed.body['errors']).toEqual([
      { path: 'field_access.hidden.0', message: `Vendor East (${tokenId}): no field "phone" in this campaign` },
    ]);
    // A writing token could never fill a required field it may not write.
    const required = await admin('PATCH', path('/fields/notes'), { required: true });
    expect(required.status).toBe(409);
    expect((required.body['errors'] as Json[])[0]?.['path']).toBe('field_access.read_only.0');
    // Fields it does not name change freely.
    expect((await admin('PATCH', path('/fields/phone'), { label: 'Mobile' })).status).toBe(200);
    expect((await admin('GET', path())).body['version']).toBe(Number(before) + 1);

    expect((await admin('POST', `/v1/admin/tokens/${tokenId}/revoke`)).status).toBe(200);
    await waitFor(
      'revocation to reach campaigns',
      async () => ((await admin('DELETE', path('/fields/phone'))).status === 200 ? true : undefined),
      5000,
    );
    expect((await admin('PATCH', path('/fields/notes'), { required: true })).status).toBe(200);
    const fields = (await admin('GET', path('/fields'))).body.data as Json[];
    expect(fields.map((field) => field['key'])).not.toContain('phone');
  });

  it('deletes a campaign: gone for admins and partners alike', async () => {
    const doomed = await admin('POST', '/v1/admin/campaigns', { name: 'Short-lived' });
    const id = String(doomed.body['id']);
    expect((await admin('PATCH', `/v1/admin/campaigns/${id}`, { name: 'Renamed' })).body['name']).toBe('Renamed');
    expect((await admin('DELETE', `/v1/admin/campaigns/${id}`)).status).toBe(204);
    expect((await admin('GET', `/v1/admin/campaigns/${id}`)).status).toBe(404);
    expect((await admin('GET', `/v1/campaigns/${id}/schema`)).status).toBe(404);
    const listed = (await admin('GET', '/v1/admin/campaigns')).body.data as Json[];
    expect(listed.map((campaign) => campaign['id'])).not.toContain(id);
  });
});
