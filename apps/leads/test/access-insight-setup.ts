import {
  bootstrapAdmin,
  campaignCreateBody,
  expectStatus,
  gatewayClient,
  GatewayClient,
  Platform,
  startPlatform,
  waitFor,
} from '@leadgate/testing';

type Json = Record<string, unknown>;

export interface TokenSeen {
  id: string;
  name: string;
  scopes: string[];
  client: GatewayClient;
}

/** The account under test, another campaign of it, and a stranger account with a campaign, filter and lead of its own. */
export interface InsightWorld {
  platform: Platform;
  admin: GatewayClient;
  campaignId: string;
  otherCampaignId: string;
  filters: { partner: string; won: string; vendor: string; otherCampaign: string };
  tokens: Record<
    | 'owner'
    | 'partner'
    | 'partnerBackup'
    | 'won'
    | 'all'
    | 'revokedVendor'
    | 'analytics'
    | 'tokensReader'
    | 'schemaReader'
    | 'access',
    TokenSeen
  >;
  /** By what they hold: p = SELECT_PARTNER, v = VENDOR_NORTH, s = VENDOR_SOUTH, x = no select; then the status. */
  leads: Record<'pNew' | 'pWon' | 'vWon' | 'vNew' | 'sNew' | 'xNew' | 'otherCampaign', string>;
  stranger: { admin: GatewayClient; campaignId: string; filterId: string; leadId: string };
}

const CAMPAIGN = {
  fields: ['name', 'postcode'],
  selects: ['select_partner'],
  statuses: ['new', 'won'],
  relations: false,
};

async function seen(platform: Platform, token: string): Promise<TokenSeen> {
  const client = gatewayClient(platform.gateway.url, token);
  const me = await waitFor('token at the gateway', async () => {
    const answer = await client('GET', '/v1/me');
    return answer.status === 200 ? answer.body : undefined;
  });
  return { id: String(me['id']), name: String(me['name']), scopes: me['scopes'] as string[], client };
}

async function filter(admin: GatewayClient, campaignId: string, name: string, condition: Json): Promise<string> {
  const created = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, { name, condition });
  return String(expectStatus(created, 201, `filter ${name}`)['id']);
}

async function lead(admin: GatewayClient, campaignId: string, name: string, select: string | null, status: string) {
  const body = { fields: { name }, status, ...(select ? { select_field_values: { select_partner: select } } : {}) };
  const created = await waitFor(`lead ${name}`, async () => {
    const answer = await admin('POST', `/v1/campaigns/${campaignId}/leads`, body);
    return answer.status === 201 ? answer.body : undefined;
  });
  return String(created['id']);
}

/** An access token from a client credential (OAuth2 client credentials, API.md §5). */
async function accessToken(platform: Platform, admin: GatewayClient): Promise<string> {
  const credential = expectStatus(
    await admin('POST', '/v1/admin/credentials', { description: 'Data sync', scope_groups: ['data_api'] }),
    201,
    'credential',
  );
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: String(credential['client_id']),
    client_secret: String(credential['client_secret']),
  });
  const issued = await waitFor('access token', async () => {
    const response = await fetch(`${platform.gateway.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    return response.status === 200 ? ((await response.json()) as { access_token: string }) : undefined;
  });
  return issued.access_token;
}

export async function insightWorld(): Promise<InsightWorld> {
  const platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads'] });
  const { admin, admin_token } = await bootstrapAdmin(platform, 'Access insight');
  const campaign = expectStatus(
    await admin('POST', '/v1/admin/campaigns', campaignCreateBody({ name: 'Insight', ...CAMPAIGN })),
    201,
    'campaign',
  );
  const campaignId = String(campaign['id']);
  const other = await admin('POST', '/v1/admin/campaigns', campaignCreateBody({ name: 'Other', ...CAMPAIGN }));
  const otherCampaignId = String(expectStatus(other, 201, 'other campaign')['id']);
  const select = (value: string) => ({ select: 'select_partner', op: 'eq', value });
  const filters = {
    partner: await filter(admin, campaignId, 'Partner ABC', select('SELECT_PARTNER')),
    won: await filter(admin, campaignId, 'Won', { status: 'won', op: 'eq' }),
    vendor: await filter(admin, campaignId, 'Vendor North', select('VENDOR_NORTH')),
    otherCampaign: await filter(admin, otherCampaignId, 'Partner elsewhere', select('SELECT_PARTNER')),
  };

  const campaignToken = async (name: string, permissions: string[], filterId?: string) => {
    const body = { name, permissions, ...(filterId ? { filter_id: filterId } : {}) };
    const created = expectStatus(await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, body), 201, name);
    return seen(platform, String(created['token']));
  };
  const accountToken = async (name: string, scopes: Json) => {
    const created = expectStatus(await admin('POST', '/v1/admin/tokens', { name, ...scopes }), 201, name);
    return seen(platform, String(created['token']));
  };
  const tokens: InsightWorld['tokens'] = {
    owner: await seen(platform, admin_token),
    partner: await campaignToken('Partner ABC', ['read'], filters.partner),
    partnerBackup: await campaignToken('Partner ABC backup', ['read', 'write'], filters.partner),
    won: await campaignToken('Won desk', ['read'], filters.won),
    all: await campaignToken('All leads', ['read']),
    revokedVendor: await campaignToken('Vendor North (revoked)', ['read'], filters.vendor),
    analytics: await accountToken('Analytics', { preset: 'read_only_analytics' }),
    tokensReader: await accountToken('Token auditor', { scopes: ['tokens:read'] }),
    schemaReader: await accountToken('Schema reader', { scopes: ['campaigns:read'] }),
    access: await seen(platform, await accessToken(platform, admin)),
  };
  expectStatus(await admin('POST', `/v1/admin/tokens/${tokens.revokedVendor.id}/revoke`), 200, 'revoke');

  const leads: InsightWorld['leads'] = {
    pNew: await lead(admin, campaignId, 'P new', 'SELECT_PARTNER', 'new'),
    pWon: await lead(admin, campaignId, 'P won', 'SELECT_PARTNER', 'won'),
    vWon: await lead(admin, campaignId, 'V won', 'VENDOR_NORTH', 'won'),
    vNew: await lead(admin, campaignId, 'V new', 'VENDOR_NORTH', 'new'),
    sNew: await lead(admin, campaignId, 'S new', 'VENDOR_SOUTH', 'new'),
    xNew: await lead(admin, campaignId, 'X new', null, 'new'),
    otherCampaign: await lead(admin, otherCampaignId, 'Elsewhere', 'SELECT_PARTNER', 'new'),
  };

  const strangerAccount = await bootstrapAdmin(platform, 'Stranger');
  const strangerCampaign = expectStatus(
    await strangerAccount.admin('POST', '/v1/admin/campaigns', campaignCreateBody({ name: 'Theirs', ...CAMPAIGN })),
    201,
    'stranger campaign',
  );
  const strangerCampaignId = String(strangerCampaign['id']);
  const stranger = {
    admin: strangerAccount.admin,
    campaignId: strangerCampaignId,
    filterId: await filter(strangerAccount.admin, strangerCampaignId, 'Theirs', select('SELECT_PARTNER')),
    leadId: await lead(strangerAccount.admin, strangerCampaignId, 'Theirs', 'SELECT_PARTNER', 'new'),
  };
  return { platform, admin, campaignId, otherCampaignId, filters, tokens, leads, stranger };
}

/** What a preview says of one token on the filter. */
export const change = (token: TokenSeen, gains: number, loses: number) => ({
  token_id: token.id,
  name: token.name,
  gains,
  loses,
});

/** An account-level reader of a lead, as the access answer shows it. */
export const viaAccount = (token: TokenSeen, kind = 'account') => ({
  token_id: token.id,
  name: token.name,
  kind,
  scopes: token.scopes,
  via: 'account',
});

/** A campaign token that reads a lead, through its filter or for the whole campaign. */
export const viaCampaign = (token: TokenSeen, permissions: string[], via: 'filter' | 'campaign') => ({
  token_id: token.id,
  name: token.name,
  kind: 'campaign',
  permissions,
  via,
});

/** The access answer's order: by name, then id. */
export const byName = (a: Json, b: Json) =>
  String(a['name']).localeCompare(String(b['name'])) || String(a['token_id']).localeCompare(String(b['token_id']));
