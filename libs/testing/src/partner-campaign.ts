import { campaignCreateBody, CampaignFixtureOptions, PARTNER_CONDITION } from '@leadgate/contracts/testing';
import { expectStatus, gatewayClient, GatewayClient } from './gateway-client';
import { waitFor } from './wait-for';

export interface PartnerCampaignOptions {
  /** Every gateway the partner will call: the token must work at each before this resolves. */
  gatewayUrls: string[];
  /** Which part of the test campaign, and its name. */
  campaign?: CampaignFixtureOptions;
  tokenName?: string;
  permissions?: ('read' | 'write')[];
}

export interface PartnerCampaign {
  campaignId: string;
  filterId: string;
  /** The partner's campaign token: its id and the secret (shown once). */
  partnerToken: { id: string; token: string; docs_url: string };
  partner: GatewayClient;
}

/**
 * The partner world of the platform tests, benches and drills: the test campaign, the filter
 * select_partner = SELECT_PARTNER, and a campaign token restricted to it that can already list
 * leads at every gateway (the gateways and leads replicas have learned token and filter).
 */
export async function partnerCampaign(admin: GatewayClient, options: PartnerCampaignOptions): Promise<PartnerCampaign> {
  const { gatewayUrls, tokenName = 'Partner ABC', permissions = ['read', 'write'] } = options;
  const campaign = expectStatus(
    await admin('POST', '/v1/admin/campaigns', campaignCreateBody(options.campaign)),
    201,
    'campaign',
  );
  const campaignId = String(campaign['id']);
  const filter = expectStatus(
    await admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, {
      name: 'Partner ABC - API access',
      condition: PARTNER_CONDITION,
    }),
    201,
    'filter',
  );
  const filterId = String(filter['id']);
  const token = expectStatus(
    await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: tokenName,
      permissions,
      filter_id: filterId,
    }),
    201,
    'campaign token',
  );
  const partnerToken = { id: String(token['id']), token: String(token['token']), docs_url: String(token['docs_url']) };
  for (const url of gatewayUrls) {
    const partner = gatewayClient(url, partnerToken.token);
    await waitFor(
      `partner token at the gateway ${url}`,
      async () => (await partner('GET', `/v1/campaigns/${campaignId}/leads?limit=1`)).status === 200,
    );
  }
  return { campaignId, filterId, partnerToken, partner: gatewayClient(gatewayUrls[0], partnerToken.token) };
}
