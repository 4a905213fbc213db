import { TokenStateV1 } from '@leadgate/contracts';
import { leadReaders, tokensOnFilter } from './token-readers';

const NOW = Date.parse('2025-05-01T10:00:00.000Z');

function token(id: string, overrides: Partial<TokenStateV1>): TokenStateV1 {
  return {
    id,
    account_id: 'acc_1',
    kind: 'campaign',
    name: id,
    scopes: ['leads:read', 'files:read', 'campaigns:read'],
    permissions: ['read'],
    campaign_id: 'cmp_1',
    filter_id: null,
    field_access: null,
    credential_id: null,
    secret_hashes: [],
    docs_key: null,
    previous_docs_keys: [],
    expires_at: null,
    revoked_at: null,
    rate_limit_per_minute: null,
    version: 1,
    updated_at: '2025-05-01T09:00:00.000Z',
    ...overrides,
  };
}

const account = (id: string, scopes: string[], overrides: Partial<TokenStateV1> = {}) =>
  token(id, { kind: 'account', scopes, permissions: null, campaign_id: null, ...overrides });

const TOKENS: TokenStateV1[] = [
  token('partner', { filter_id: 'flt_partner', permissions: ['read', 'write'] }),
  token('vendor', { filter_id: 'flt_vendor' }),
  token('unfiltered', {}),
  token('revoked', { revoked_at: '2025-04-30T00:00:00.000Z' }),
  token('expired', { expires_at: '2025-05-01T09:59:59.999Z' }),
  token('other-campaign', { campaign_id: 'cmp_2' }),
  token('other-account', { account_id: 'acc_2' }),
  token('gone-filter', { filter_id: 'flt_gone' }),
  account('crm', ['leads:*', 'files:*', 'campaigns:read']),
  account('owner', ['admin']),
  account('analytics', ['leads:read', 'campaigns:read']),
  account('tokens-only', ['tokens:read', 'tokens:write']),
  account('receiver', ['receiver:post', 'campaigns:read']),
  account('revoked-account', ['leads:read'], { revoked_at: '2025-04-30T00:00:00.000Z' }),
  account('stranger', ['admin'], { account_id: 'acc_2' }),
  token('access-data', { kind: 'access', scopes: ['leads:read', 'leads:write'], permissions: null, campaign_id: null }),
  token('access-account-api', { kind: 'access', scopes: ['tokens:read'], permissions: null, campaign_id: null }),
];

describe('leadReaders', () => {
  const readers = (admitted: string[]) =>
    leadReaders(TOKENS, {
      accountId: 'acc_1',
      campaignId: 'cmp_1',
      now: NOW,
      filterAdmits: (filterId) => admitted.includes(filterId),
    });

  it('lists live tokens of the account that read the lead, each with how, by name', () => {
    expect(readers(['flt_partner'])).toEqual([
      {
        token_id: 'access-data',
        name: 'access-data',
        kind: 'access',
        scopes: ['leads:read', 'leads:write'],
        via: 'account',
      },
      {
        token_id: 'analytics',
        name: 'analytics',
        kind: 'account',
        scopes: ['leads:read', 'campaigns:read'],
        via: 'account',
      },
      {
        token_id: 'crm',
        name: 'crm',
        kind: 'account',
        scopes: ['leads:*', 'files:*', 'campaigns:read'],
        via: 'account',
      },
      { token_id: 'owner', name: 'owner', kind: 'account', scopes: ['admin'], via: 'account' },
      { token_id: 'partner', name: 'partner', kind: 'campaign', permissions: ['read', 'write'], via: 'filter' },
      { token_id: 'unfiltered', name: 'unfiltered', kind: 'campaign', permissions: ['read'], via: 'campaign' },
    ]);
  });

  it('follows the filters: a filtered token counts exactly when its filter admits the lead', () => {
    const ids = (admitted: string[]) => readers(admitted).map((reader) => reader.token_id);
    expect(ids([])).not.toEqual(expect.arrayContaining(['partner']));
    expect(ids(['flt_vendor'])).toEqual(expect.arrayContaining(['vendor', 'unfiltered']));
    expect(ids(['flt_vendor'])).not.toContain('partner');
  });

  it('leaves out revoked and expired tokens, other campaigns and accounts, and scopes without leads:read', () => {
    const ids = readers(['flt_partner', 'flt_vendor', 'flt_gone']).map((reader) => reader.token_id);
    for (const left of [
      'revoked',
      'expired',
      'other-campaign',
      'other-account',
      'tokens-only',
      'receiver',
      'revoked-account',
      'stranger',
      'access-account-api',
    ]) {
      expect(ids).not.toContain(left);
    }
  });

  it('a campaign token without leads:read (never made today) does not count', () => {
    const writeOnly = token('odd', { scopes: ['files:read'] });
    expect(
      leadReaders([writeOnly], { accountId: 'acc_1', campaignId: 'cmp_1', now: NOW, filterAdmits: () => true }),
    ).toEqual([]);
  });
});

describe('tokensOnFilter', () => {
  it('lists the live campaign tokens of that filter in that campaign and account', () => {
    const extra = [
      token('partner-2', { filter_id: 'flt_partner', name: 'Another partner' }),
      token('partner-revoked', { filter_id: 'flt_partner', revoked_at: '2025-04-30T00:00:00.000Z' }),
      token('partner-elsewhere', { filter_id: 'flt_partner', account_id: 'acc_2' }),
    ];
    expect(
      tokensOnFilter([...TOKENS, ...extra], 'flt_partner', { accountId: 'acc_1', campaignId: 'cmp_1', now: NOW }),
    ).toEqual([
      { token_id: 'partner-2', name: 'Another partner' },
      { token_id: 'partner', name: 'partner' },
    ]);
    expect(tokensOnFilter(TOKENS, 'flt_none', { accountId: 'acc_1', campaignId: 'cmp_1', now: NOW })).toEqual([]);
  });
});
