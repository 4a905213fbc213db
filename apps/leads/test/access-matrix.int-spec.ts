import { FieldAccess } from '@leadgate/contracts';
import { bootstrapAccount, campaignCreateBody, gatewayClient, PARTNER_CONDITION, waitFor } from '@leadgate/testing';
import { campaignTokenWithAccess, expectedFields, expectNothingHiddenIn, rawGet } from './field-access-checks';
import { Client, leadsWorld, LeadsWorld } from './lead-test-setup';

type Json = Record<string, unknown>;

/**
 * Who may touch what (issue #5): filtered read-only, filtered read+write, unfiltered campaign and
 * account-level tokens, across campaigns and accounts. Every forbidden pair answers 404 or 403 and
 * its body carries no lead data. Then NoSQL-injection attempts: all 4xx, nothing changes. Then
 * field access (API.md §13): tokens with different field-access sets, every lead, every field.
 */
describe('access matrix and injection attempts', () => {
  let world: LeadsWorld;
  const tokens: Record<string, Client> = {};
  let otherCampaignId: string;
  let strangerCampaignId: string;
  const leadIds: Record<string, string> = {};

  async function token(path: string, body: Json): Promise<Client> {
    const created = await world.admin('POST', path, body);
    expect(created.status).toBe(201);
    const client = gatewayClient(world.platform.gateway.url, String(created.body['token']));
    await waitFor('token at the gateway', async () =>
      (await client('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    return client;
  }

  beforeAll(async () => {
    world = await leadsWorld();
    const campaignTokens = `/v1/admin/campaigns/${world.campaignId}/tokens`;
    tokens['filteredReadOnly'] = await token(campaignTokens, {
      name: 'ro',
      permissions: ['read'],
      filter_id: world.filterId,
    });
    tokens['filteredReadWrite'] = world.partner;
    tokens['unfilteredCampaign'] = await token(campaignTokens, { name: 'all', permissions: ['read', 'write'] });
    tokens['account'] = await token('/v1/admin/tokens', { name: 'crm', preset: 'crm_sync' });

    otherCampaignId = String(
      (
        await world.admin('POST', '/v1/admin/campaigns', {
          name: 'Other',
          fields: [{ key: 'name', label: 'Name', type: 'text' }],
        })
      ).body['id'],
    );
    const stranger = await bootstrapAccount(world.platform.services.identity!.url, 'Stranger');
    const strangerAdmin = gatewayClient(world.platform.gateway.url, stranger.admin_token);
    await waitFor('stranger token', async () =>
      (await strangerAdmin('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    strangerCampaignId = String(
      (
        await strangerAdmin('POST', '/v1/admin/campaigns', {
          name: 'Theirs',
          fields: [{ key: 'name', label: 'Name', type: 'text' }],
        })
      ).body['id'],
    );

    const leads = `/v1/campaigns/${world.campaignId}/leads`;
    leadIds['partner'] = String(
      (
        await world.admin('POST', leads, {
          fields: { name: 'P' },
          select_field_values: { select_partner: 'SELECT_PARTNER' },
        })
      ).body['id'],
    );
    leadIds['vendor'] = String(
      (
        await world.admin('POST', leads, {
          fields: { name: 'V' },
          select_field_values: { select_partner: 'VENDOR_NORTH' },
        })
      ).body['id'],
    );
    await waitFor('other campaign at leads', async () =>
      (await world.admin('GET', `/v1/campaigns/${otherCampaignId}/leads`)).status === 200 ? true : undefined,
    );
    leadIds['other'] = String(
      (await world.admin('POST', `/v1/campaigns/${otherCampaignId}/leads`, { fields: { name: 'O' } })).body['id'],
    );
    await waitFor('stranger campaign at leads', async () =>
      (await strangerAdmin('GET', `/v1/campaigns/${strangerCampaignId}/leads`)).status === 200 ? true : undefined,
    );
    leadIds['stranger'] = String(
      (await strangerAdmin('POST', `/v1/campaigns/${strangerCampaignId}/leads`, { fields: { name: 'S' } })).body['id'],
    );
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  function expectNothingLeaked(body: Json, status: number) {
    expect([403, 404]).toContain(status);
    // `instance` only echoes the path the caller sent; nothing else may mention a lead.
    const text = JSON.stringify({ ...body, instance: undefined });
    for (const id of Object.values(leadIds)) expect(text).not.toContain(id);
    expect(body).not.toHaveProperty('fields');
    expect(body).not.toHaveProperty('data');
  }

  it('answers what each token may do on its own campaign', async () => {
    const path = (lead: string) => `/v1/campaigns/${world.campaignId}/leads/${leadIds[lead]}`;
    const expected: [string, string, number][] = [
      ['filteredReadOnly', 'partner', 200],
      ['filteredReadOnly', 'vendor', 404],
      ['filteredReadWrite', 'partner', 200],
      ['filteredReadWrite', 'vendor', 404],
      ['unfilteredCampaign', 'partner', 200],
      ['unfilteredCampaign', 'vendor', 200],
      ['account', 'vendor', 200],
    ];
    for (const [tokenName, lead, status] of expected) {
      const response = await tokens[tokenName]('GET', path(lead));
      expect({ tokenName, lead, status: response.status }).toEqual({ tokenName, lead, status });
      if (status !== 200) expectNothingLeaked(response.body, response.status);
    }
    const write = await tokens['filteredReadOnly']('POST', `/v1/campaigns/${world.campaignId}/leads`, {
      fields: { name: 'x' },
    });
    expect(write.status).toBe(403);
    const patch = await tokens['filteredReadOnly']('PATCH', path('partner'), { fields: { name: 'x' } });
    expect(patch.status).toBe(403);
  });

  it('answers 404 or 403 and leaks nothing for every pair across campaigns and accounts', async () => {
    const targets: [string, string, string][] = [
      ['other campaign', otherCampaignId, leadIds['other']],
      ['other account', strangerCampaignId, leadIds['stranger']],
    ];
    for (const [tokenName, client] of Object.entries(tokens)) {
      for (const [label, campaignId, leadId] of targets) {
        if (tokenName === 'account' && label === 'other campaign') continue; // its own account: allowed
        const attempts = [
          await client('GET', `/v1/campaigns/${campaignId}/leads`),
          await client('GET', `/v1/campaigns/${campaignId}/leads/${leadId}`),
          await client('PATCH', `/v1/campaigns/${campaignId}/leads/${leadId}`, { fields: { name: 'hijack' } }),
          await client('POST', `/v1/campaigns/${campaignId}/leads`, { fields: { name: 'intruder' } }),
          await client('GET', `/v1/campaigns/${campaignId}/schema`),
          // A lead of another campaign asked for under the token's own campaign.
          await client('GET', `/v1/campaigns/${world.campaignId}/leads/${leadId}`),
        ];
        for (const response of attempts) {
          expect({ tokenName, label, status: [403, 404].includes(response.status) }).toEqual({
            tokenName,
            label,
            status: true,
          });
          expectNothingLeaked(response.body, response.status);
        }
      }
    }
    // Nothing above changed the other leads.
    const other = await world.admin('GET', `/v1/campaigns/${otherCampaignId}/leads/${leadIds['other']}`);
    expect(other.body).toMatchObject({ fields: { name: 'O' }, version: 1 });
  });

  it('refuses NoSQL-injection attempts in bodies and query strings with 4xx, changing nothing', async () => {
    const leads = `/v1/campaigns/${world.campaignId}/leads`;
    const count = async () => ((await world.admin('GET', `${leads}?limit=500`)).body.data ?? []).length;
    const before = await count();
    const bodies: unknown[] = [
      { fields: { name: { $ne: null } } },
      { fields: { name: 'x', $where: 'sleep(100)' } },
      { fields: { 'name.first': 'x' } },
      { fields: { name: 'x' }, select_field_values: { select_partner: { $gt: '' } } },
      { fields: { name: 'x' }, status: { $regex: '.*' } },
      { $set: { status: 'won' } },
      { fields: { name: 'x' }, relations: { relation_installer: { $in: ['inst_1'] } } },
      { fields: { name: 'nul \u0000 byte' } },
    ];
    for (const body of bodies) {
      const response = await world.partner('POST', leads, body);
      expect({ body, status: response.status }).toEqual({ body, status: 422 });
    }
    const patch = await world.partner('PATCH', `${leads}/${leadIds['partner']}`, { fields: { name: { $set: 'x' } } });
    expect(patch.status).toBe(422);
    const queries = [
      'status[$ne]=new',
      'status=%7B%22%24ne%22%3Anull%7D',
      '$where=1',
      'select.select_partner[$gt]=',
      'select.select_partner=%7B%22%24ne%22%3A1%7D',
      'updated_since[$gt]=2020-01-01',
      `cursor=${Buffer.from(JSON.stringify([{ $gt: '' }, { $gt: '' }])).toString('base64url')}`,
      'fields.name[$regex]=.*',
    ];
    for (const query of queries) {
      const response = await world.partner('GET', `${leads}?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    expect(await count()).toBe(before);
    expect((await world.admin('GET', `${leads}/${leadIds['partner']}`)).body).toMatchObject({
      fields: { name: 'P' },
      version: 1,
    });
  });

  it('shows each token exactly the fields its field access lets it read, in every read, and nothing hidden', async () => {
    const campaignId = String(
      (await world.admin('POST', '/v1/admin/campaigns', campaignCreateBody({ name: 'Field access matrix' }))).body[
        'id'
      ],
    );
    const leads = `/v1/campaigns/${campaignId}/leads`;
    await waitFor('field access campaign at leads', async () =>
      (await world.admin('GET', `${leads}?limit=1`)).status === 200 ? true : undefined,
    );
    const filterId = String(
      (
        await world.admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, {
          name: 'Partner only',
          condition: PARTNER_CONDITION,
        })
      ).body['id'],
    );
    // Every field of every type, with values long and distinct enough to search the raw answers for.
    const stored: Record<string, Record<string, unknown>>[] = [
      {
        fields: {
          name: 'Amalie Fieldmatrix',
          email: 'amalie.fm@example.com',
          phone: '+4520304050',
          postcode: '8000',
          website: 'https://amalie.example.org/fm',
          notes: 'Amalie prefers mornings',
          rooms: 918273,
          visit_on: '2031-07-19',
          consent: true,
        },
        select_field_values: { select_partner: 'SELECT_PARTNER' },
      },
      {
        fields: { name: 'Bo Fieldmatrix', email: 'bo.fm@example.net', phone: '20304051', rooms: 0, consent: false },
        select_field_values: { select_partner: 'VENDOR_NORTH' },
      },
      { fields: { name: 'C', postcode: '8200', notes: '' }, select_field_values: { select_partner: 'SELECT_PARTNER' } },
      {
        fields: { name: 'Dorte Fieldmatrix', website: 'http://dorte.example.com', visit_on: '2032-01-30' },
        select_field_values: { select_partner: 'VENDOR_SOUTH' },
      },
    ];
    const ids: string[] = [];
    for (const body of stored) {
      const created = await world.admin('POST', leads, body);
      expect(created.status).toBe(201);
      ids.push(String(created.body['id']));
    }

    const sets: { name: string; access: FieldAccess | null; filtered?: boolean; write?: boolean }[] = [
      { name: 'none', access: null },
      { name: 'empty lists', access: { hidden: [], masked: [], read_only: [] } },
      {
        name: 'wide',
        access: { hidden: ['phone', 'rooms', 'consent'], masked: ['email', 'name', 'notes'], read_only: ['postcode'] },
        write: true,
      },
      {
        name: 'narrow, filtered',
        access: {
          hidden: ['email', 'notes', 'website', 'visit_on'],
          masked: ['phone', 'postcode'],
          read_only: ['rooms'],
        },
        filtered: true,
      },
      {
        name: 'name only, masked',
        access: {
          hidden: ['email', 'phone', 'postcode', 'website', 'notes', 'rooms', 'visit_on', 'consent'],
          masked: ['name'],
          read_only: [],
        },
      },
    ];
    const readers: { name: string; access: FieldAccess | null; filtered: boolean; token: string }[] = [];
    for (const set of sets) {
      const made = await campaignTokenWithAccess(world.admin, world.platform.gateway.url, campaignId, {
        name: `fa ${set.name}`,
        permissions: set.write ? ['read', 'write'] : ['read'],
        ...(set.filtered ? { filter_id: filterId } : {}),
        ...(set.access ? { field_access: set.access } : {}),
      });
      readers.push({ name: set.name, access: set.access, filtered: !!set.filtered, token: made.token });
    }
    const account = await world.admin('POST', '/v1/admin/tokens', { name: 'fa crm', preset: 'crm_sync' });
    readers.push({ name: 'account', access: null, filtered: false, token: String(account.body['token']) });
    await waitFor('account token at leads', async () =>
      (await rawGet(world.platform.gateway.url, readers.at(-1)!.token, `${leads}?limit=1`)).status === 200
        ? true
        : undefined,
    );

    const inFilter = (index: number) =>
      (stored[index]['select_field_values'] as Record<string, string>)['select_partner'] === 'SELECT_PARTNER';
    for (const reader of readers) {
      for (const [index, id] of ids.entries()) {
        const what = `${reader.name} GET lead ${index}`;
        const answer = await rawGet(world.platform.gateway.url, reader.token, `${leads}/${id}`);
        if (reader.filtered && !inFilter(index)) {
          expect({ what, status: answer.status }).toEqual({ what, status: 404 });
          continue;
        }
        expect({ what, status: answer.status, etag: answer.etag }).toEqual({ what, status: 200, etag: '"v1"' });
        const lead = JSON.parse(answer.text) as Record<string, unknown>;
        expect({ what, fields: lead['fields'] }).toEqual({
          what,
          fields: expectedFields(stored[index].fields, reader.access),
        });
        expectNothingHiddenIn(answer.text, stored[index].fields, reader.access, what);
      }
      const what = `${reader.name} list`;
      const page = await rawGet(world.platform.gateway.url, reader.token, `${leads}?limit=500`);
      expect({ what, status: page.status }).toEqual({ what, status: 200 });
      const listed = new Map(
        (JSON.parse(page.text) as { data: Record<string, unknown>[] }).data.map((lead) => [lead['id'], lead['fields']]),
      );
      const visible = ids.flatMap((id, index) => (reader.filtered && !inFilter(index) ? [] : [[id, index] as const]));
      expect({ what, ids: [...listed.keys()].sort() }).toEqual({ what, ids: visible.map(([id]) => id).sort() });
      for (const [id, index] of visible) {
        expect({ what, index, fields: listed.get(id) }).toEqual({
          what,
          index,
          fields: expectedFields(stored[index].fields, reader.access),
        });
        expectNothingHiddenIn(page.text, stored[index].fields, reader.access, what);
      }
    }
  });
});
