// The partner world every bench and drill uses: an account, a campaign with a source select, the
// filter select_partner = SELECT_PARTNER and a read+write campaign token restricted to it.
import { bootstrapAccount } from '../../lib/operator.mjs';
import { sleep } from './cluster.mjs';

export const PARTNER_VALUE = 'SELECT_PARTNER';
export const OTHER_VALUE = 'VENDOR_NORTH';

/** fetch with a Bearer token and JSON; answers { status, body }. */
export function client(baseUrl, token) {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  };
}

export async function until(what, probe, timeoutMs = 30000, everyMs = 25) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function expectStatus(response, status, what) {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export const CAMPAIGN_SCHEMA = {
  fields: [
    { key: 'name', label: 'Name', type: 'text', required: true },
    { key: 'email', label: 'E-mail', type: 'email' },
    { key: 'postcode', label: 'Postcode', type: 'text' },
  ],
  selects: [
    {
      key: 'select_partner',
      label: 'Source',
      options: [
        { value: PARTNER_VALUE, label: 'Partner ABC' },
        { value: OTHER_VALUE, label: 'Vendor North' },
      ],
    },
  ],
  statuses: [
    { slug: 'new', label: 'New', is_default: true },
    { slug: 'won', label: 'Won' },
  ],
};

/** A new account on the cluster, its campaign, partner filter and partner token, ready at every gateway. */
export async function partnerWorld(cluster, name = 'Bench') {
  const gateways = cluster.platform.gateways;
  const account = await bootstrapAccount(name, cluster.operatorEnv());
  const admin = client(gateways[0].url, account.admin_token);
  for (const gateway of gateways)
    await until(
      'owner token at every gateway',
      async () => (await client(gateway.url, account.admin_token)('GET', '/v1/me')).status === 200,
    );
  const { campaignId, filterId, partnerToken } = await partnerCampaign({ gateways, admin }, name);
  return { account, admin, adminToken: account.admin_token, campaignId, filterId, partnerToken };
}

/** A campaign with the partner filter and a read+write partner token that every gateway accepts. */
export async function partnerCampaign({ gateways, admin }, name) {
  const campaign = expectStatus(
    await admin('POST', '/v1/admin/campaigns', { name, ...CAMPAIGN_SCHEMA }),
    201,
    'campaign',
  );
  const filter = expectStatus(
    await admin('POST', `/v1/admin/campaigns/${campaign.id}/filters`, {
      name: 'Partner ABC - API access',
      condition: { all: [{ select: 'select_partner', op: 'eq', value: PARTNER_VALUE }] },
    }),
    201,
    'filter',
  );
  const partnerToken = await campaignToken(admin, campaign.id, filter.id, 'Partner ABC');
  for (const gateway of gateways)
    await until(
      'partner token at every gateway and leads replica',
      async () =>
        (await client(gateway.url, partnerToken.token)('GET', `/v1/campaigns/${campaign.id}/leads?limit=1`)).status ===
        200,
    );
  return { campaignId: campaign.id, filterId: filter.id, partnerToken };
}

export async function campaignToken(admin, campaignId, filterId, name) {
  return expectStatus(
    await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name,
      permissions: ['read', 'write'],
      filter_id: filterId,
    }),
    201,
    'campaign token',
  );
}

/** A lead create body as a web form or a partner would send it. */
export function leadBody(index) {
  return {
    fields: { name: `Lead ${index}`, email: `lead${index}@example.com`, postcode: String(1000 + (index % 9000)) },
  };
}
