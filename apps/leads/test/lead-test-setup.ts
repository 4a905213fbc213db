import { Principal } from '@leadgate/service-kit';
import {
  bootstrapAdmin,
  gatewayClient,
  partnerCampaign,
  Platform,
  PlatformOptions,
  startPlatform,
} from '@leadgate/testing';

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
  const { admin } = await bootstrapAdmin(platform, 'Leads test');
  const world = await partnerCampaign(admin, {
    gatewayUrls: [platform.gateway.url],
    campaign: { fields: ['name', 'email', 'postcode', 'rooms'], selects: ['select_partner'], statuses: ['new', 'won'] },
  });
  return {
    platform,
    admin,
    partner: world.partner,
    partnerTokenId: world.partnerToken.id,
    partnerToken: world.partnerToken.token,
    campaignId: world.campaignId,
    filterId: world.filterId,
  };
}

/** The partner token's principal as the gateway signs it, for calls straight to a leads replica. */
export async function partnerPrincipal(world: LeadsWorld): Promise<Principal> {
  const me = await world.partner('GET', '/v1/me');
  return {
    token_id: String(me.body['id']),
    account_id: String(me.body['account_id']),
    kind: 'campaign',
    scopes: me.body['scopes'] as string[],
    campaign_id: world.campaignId,
    filter_id: world.filterId,
  };
}
