import { bootstrapAccount, bootstrapAdmin, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';
import { TOPICS } from '@leadgate/contracts';
import { createKafkaClient, KafkaPublisher } from '@leadgate/kafka';
import { KAFKA_BROKERS } from '@leadgate/testing';
import pino from 'pino';

type Client = ReturnType<typeof gatewayClient>;

/**
 * Campaign-scoped tokens: made for a campaign (and filter) of the account, checked against the
 * campaigns read models, and confined by the gateway to that campaign.
 */
describe('campaign tokens through the gateway', () => {
  let platform: Platform;
  let admin: Client;
  let accountId: string;
  let campaignId: string;
  let otherCampaignId: string;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    platform = await startPlatform({ env: { identity: { READ_YOUR_WRITES_WAIT_MS: '1000' } } });
    const account = await bootstrapAdmin(platform, 'Campaign tokens test');
    accountId = account.account_id;
    admin = account.admin;
    campaignId = String((await admin('POST', '/v1/admin/campaigns', { name: 'Heat pumps DK' })).body['id']);
    otherCampaignId = String((await admin('POST', '/v1/admin/campaigns', { name: 'Solar SE' })).body['id']);
    const kafka = createKafkaClient({
      clientId: 'campaign-tokens-test',
      brokers: KAFKA_BROKERS.split(','),
      logger: pino({ level: 'silent' }),
    });
    publisher = new KafkaPublisher(kafka, 'campaign-tokens-test');
    await publisher.connect();
  });

  afterAll(async () => {
    await publisher.disconnect();
    await platform.stop();
  });

  it('makes a read token for a campaign made a moment ago, with its docs link', async () => {
    const created = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner ABC',
      permissions: ['read'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'campaign',
      campaign_id: campaignId,
      filter_id: null,
      permissions: ['read'],
      scopes: ['leads:read', 'files:read', 'campaigns:read'],
    });
    expect(String(created.body['docs_url'])).toMatch(/^http:\/\/127\.0\.0\.1:8080\/docs\/p\/[A-Za-z0-9_-]{32}$/);
    const listed = await admin('GET', `/v1/admin/campaigns/${campaignId}/tokens`);
    expect((listed.body.data as Record<string, unknown>[]).map((token) => token['id'])).toEqual([created.body['id']]);

    const partner = gatewayClient(platform.gateway.url, String(created.body['token']));
    await waitFor('partner token', async () => ((await partner('GET', '/v1/me')).status === 200 ? true : undefined));
    expect((await partner('GET', '/v1/me')).body).toMatchObject({ kind: 'campaign', campaign_id: campaignId });

    // Another campaign does not exist for this token: 404, never 403.
    const elsewhere = await partner('GET', `/v1/campaigns/${otherCampaignId}/leads`);
    expect(elsewhere.status).toBe(404);
    // The admin API is not for partners.
    expect((await partner('GET', '/v1/admin/campaigns')).status).toBe(403);
    expect((await partner('GET', `/v1/admin/campaigns/${campaignId}`)).status).toBe(403);
    // A read token cannot write.
    const write = await partner('POST', `/v1/campaigns/${campaignId}/leads`, { fields: {} });
    expect(write.status).toBe(403);
    expect(write.body['detail']).toContain('leads:write');
  });

  it('names a filter of the campaign, and refuses unknown campaigns, filters and permissions (422)', async () => {
    const filterId = `flt_${platform.runId}`;
    await publisher.publish(TOPICS.campaignFilters, filterId, {
      id: filterId,
      account_id: accountId,
      campaign_id: campaignId,
      name: 'Partner ABC - API access',
      condition: { all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }] },
      version: 1,
      updated_at: new Date().toISOString(),
    });
    const filtered = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner ABC rw',
      permissions: ['read', 'write'],
      filter_id: filterId,
    });
    expect(filtered.status).toBe(201);
    expect(filtered.body).toMatchObject({ filter_id: filterId, permissions: ['read', 'write'] });

    const wrongCampaign = await admin('POST', `/v1/admin/campaigns/${otherCampaignId}/tokens`, {
      name: 'x',
      permissions: ['read'],
      filter_id: filterId,
    });
    expect(wrongCampaign.status).toBe(422);
    expect(wrongCampaign.body['errors']).toEqual([
      { path: 'filter_id', message: 'the filter belongs to another campaign' },
    ]);

    const unknownCampaign = await admin('POST', '/v1/admin/campaigns/cmp_nope/tokens', {
      name: 'x',
      permissions: ['read'],
    });
    expect(unknownCampaign.status).toBe(422);
    const unknownFilter = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'x',
      permissions: ['read'],
      filter_id: 'flt_nope',
    });
    expect(unknownFilter.status).toBe(422);
    const writeOnly = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'x',
      permissions: ['write'],
    });
    expect(writeOnly.status).toBe(422);
    expect(writeOnly.body['errors']).toEqual([{ path: 'permissions', message: '"write" needs "read" as well' }]);

    await publisher.publish(TOPICS.campaignFilters, filterId, null);
  });

  it('does not let one account name another account campaign', async () => {
    const stranger = await bootstrapAccount(platform.services.identity!.url, 'Stranger');
    const asStranger = gatewayClient(platform.gateway.url, stranger.admin_token);
    await waitFor('stranger token', async () =>
      (await asStranger('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    const response = await asStranger('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'x',
      permissions: ['read'],
    });
    expect(response.status).toBe(422);
    expect((await asStranger('GET', `/v1/admin/campaigns/${campaignId}`)).status).toBe(404);
  });
});
