import { bootstrapAccount, gatewayClient, waitFor } from '@leadgate/testing';
import { Client, leadsWorld, LeadsWorld } from './lead-test-setup';

type Json = Record<string, unknown>;

/**
 * Who may touch what (issue #5): filtered read-only, filtered read+write, unfiltered campaign and
 * account-level tokens, across campaigns and accounts. Every forbidden pair answers 404 or 403 and
 * its body carries no lead data. Then NoSQL-injection attempts: all 4xx, nothing changes.
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
});
