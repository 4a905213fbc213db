import { bootstrapAdmin, gatewayClient, Platform, PlatformOptions, startPlatform, waitFor } from '@leadgate/testing';

export type Client = ReturnType<typeof gatewayClient>;

export interface LeadsWorld {
  platform: Platform;
  admin: Client;
  partner: Client;
  partnerTokenId: string;
  /** The partner token itself, for raw calls (multipart uploads). */
  partnerToken: string;
  campaignId: string;
  filterId: string;
}

/** A campaign with a partner filter (select_partner = SELECT_PARTNER) and a read+write partner token. */
export async function leadsWorld(
  extraApps: ('docs' | 'leads')[] = [],
  env: PlatformOptions['env'] = {},
): Promise<LeadsWorld> {
  const platform = await startPlatform({
    apps: ['identity', 'campaigns', 'leads', ...extraApps.filter((app) => app !== 'leads')],
    env,
  });
  const account = await bootstrapAdmin(platform, 'Leads test');
  const admin = account.admin;
  const campaign = await admin('POST', '/v1/admin/campaigns', {
    name: 'Heat pumps DK',
    fields: [
      { key: 'name', label: 'Name', type: 'text', required: true },
      { key: 'email', label: 'E-mail', type: 'email' },
      { key: 'postcode', label: 'Postcode', type: 'text' },
      { key: 'rooms', label: 'Rooms', type: 'number' },
    ],
    selects: [
      {
        key: 'select_partner',
        label: 'Source',
        options: [
          { value: 'SELECT_PARTNER', label: 'Partner ABC' },
          { value: 'VENDOR_NORTH', label: 'Vendor North' },
        ],
      },
    ],
    statuses: [
      { slug: 'new', label: 'New', is_default: true },
      { slug: 'won', label: 'Won' },
    ],
    relations: [{ key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] }],
  });
  const campaignId = String(campaign.body['id']);
  const filter = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, {
    name: 'Partner ABC - API access',
    condition: { all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }] },
  });
  const filterId = String(filter.body['id']);
  const token = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
    name: 'Partner ABC',
    permissions: ['read', 'write'],
    filter_id: filterId,
  });
  const partner = gatewayClient(platform.gateway.url, String(token.body['token']));
  await waitFor('partner can list', async () =>
    (await partner('GET', `/v1/campaigns/${campaignId}/leads`)).status === 200 ? true : undefined,
  );
  return {
    platform,
    admin,
    partner,
    partnerTokenId: String(token.body['id']),
    partnerToken: String(token.body['token']),
    campaignId,
    filterId,
  };
}
