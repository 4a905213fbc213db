import { TokenStateV1 } from '@leadgate/contracts';
import { meOf } from './me.route';

const campaignToken = {
  id: 'tok_partner',
  account_id: 'acc_1',
  kind: 'campaign',
  name: 'Partner ABC',
  scopes: ['leads:read', 'files:read', 'campaigns:read'],
  permissions: ['read'],
  campaign_id: 'cmp_1',
  filter_id: null,
  field_access: { hidden: ['phone'], masked: ['email'], read_only: [] },
  credential_id: null,
  secret_hashes: [{ sha256: 'a'.repeat(64), valid_until: null }],
  docs_key: 'k'.repeat(32),
  previous_docs_keys: [],
  expires_at: null,
  revoked_at: null,
  rate_limit_per_minute: null,
  version: 2,
  updated_at: '2026-01-01T00:00:00.000Z',
} as TokenStateV1;

describe('GET /v1/me answer', () => {
  it('shows a campaign token\u2019s field access, and never its secret hash or docs key', () => {
    const me = meOf(campaignToken);
    expect(me.field_access).toEqual({ hidden: ['phone'], masked: ['email'], read_only: [] });
    expect(JSON.stringify(me)).not.toContain('a'.repeat(64));
    expect(JSON.stringify(me)).not.toContain('k'.repeat(32));
  });

  it('shows an empty set for a campaign token made before field access, and null for other tokens', () => {
    expect(meOf({ ...campaignToken, field_access: null }).field_access).toEqual({
      hidden: [],
      masked: [],
      read_only: [],
    });
    expect(meOf({ ...campaignToken, kind: 'account', campaign_id: null, field_access: null }).field_access).toBeNull();
  });
});
