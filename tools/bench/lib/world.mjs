// The partner world every bench and drill uses, from the test harness (libs/testing, loaded from
// dist/): an account, the test campaign with three fields, the filter select_partner =
// SELECT_PARTNER and a read+write campaign token restricted to it.
import { loadHarness } from '../../lib/built.mjs';

const harness = await loadHarness();

export const { PARTNER_VALUE, OTHER_VALUE } = harness;

/** fetch with a Bearer token and JSON; answers { status, headers, body }. */
export const client = harness.gatewayClient;

/** Polls until the probe gives something other than undefined or false (libs/testing's waitFor). */
export const until = harness.waitFor;

/** The part of the test campaign a bench writes: what leadBody fills in, one select, two statuses. */
const BENCH_CAMPAIGN = {
  fields: ['name', 'email', 'postcode'],
  selects: ['select_partner'],
  statuses: ['new', 'won'],
  relations: false,
};

/** A new account on the cluster, its campaign, partner filter and partner token, ready at every gateway. */
export async function partnerWorld(cluster, name = 'Bench') {
  const { identity, gateways } = cluster.platform;
  const account = await harness.setUpAccount(name, {
    identityUrl: identity.url,
    gatewayUrls: gateways.map((gateway) => gateway.url),
    signingKey: cluster.keys.operator.private,
    tokenId: `operator:${cluster.runId}`.slice(0, 64),
  });
  const { admin } = account;
  const { campaignId, filterId, partnerToken } = await partnerCampaign({ gateways, admin }, name);
  return { account, admin, adminToken: account.admin_token, campaignId, filterId, partnerToken };
}

/** A campaign with the partner filter and a read+write partner token that every gateway accepts. */
export async function partnerCampaign({ gateways, admin }, name) {
  return harness.partnerCampaign(admin, {
    gatewayUrls: gateways.map((gateway) => gateway.url),
    campaign: { ...BENCH_CAMPAIGN, name },
  });
}

export async function campaignToken(admin, campaignId, filterId, name) {
  const answer = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
    name,
    permissions: ['read', 'write'],
    filter_id: filterId,
  });
  return harness.expectStatus(answer, 201, 'campaign token');
}

/** A lead create body as a web form or a partner would send it. */
export function leadBody(index) {
  return {
    fields: { name: `Lead ${index}`, email: `lead${index}@example.com`, postcode: String(1000 + (index % 9000)) },
  };
}
