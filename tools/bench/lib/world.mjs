// @ts-check
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

/**
 * What every suite and drill works in: an account (its owner token and gateway client), the test
 * campaign, its partner filter and a partner token restricted to it.
 * @typedef {Awaited<ReturnType<typeof partnerWorld>>} BenchWorld
 */

/**
 * A new account on the cluster, its campaign, partner filter and partner token, ready at every gateway.
 * @param {import('./cluster.mjs').Cluster} cluster
 */
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

/**
 * A campaign with the partner filter and a read+write partner token that every gateway accepts.
 * @param {{ gateways: { url: string }[]; admin: import('../../../libs/testing/src/gateway-client.js').GatewayClient }} platform
 * @param {string} name
 */
export async function partnerCampaign({ gateways, admin }, name) {
  return harness.partnerCampaign(admin, {
    gatewayUrls: gateways.map((gateway) => gateway.url),
    campaign: { ...BENCH_CAMPAIGN, name },
  });
}

/**
 * A read+write campaign token restricted to the filter: `{ id, token, ... }` as POST /tokens answers it.
 * @param {import('../../../libs/testing/src/gateway-client.js').GatewayClient} admin
 * @param {string} campaignId
 * @param {string} filterId
 * @param {string} name
 * @returns {Promise<CampaignToken>}
 */
export async function campaignToken(admin, campaignId, filterId, name) {
  const answer = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
    name,
    permissions: ['read', 'write'],
    filter_id: filterId,
  });
  return /** @type {CampaignToken} */ (harness.expectStatus(answer, 201, 'campaign token'));
}

/** @typedef {{ id: string; token: string }} CampaignToken the parts of POST .../tokens the benches read */

/**
 * A lead create body as a web form or a partner would send it.
 * @param {number} index
 */
export function leadBody(index) {
  return {
    fields: { name: `Lead ${index}`, email: `lead${index}@example.com`, postcode: String(1000 + (index % 9000)) },
  };
}
