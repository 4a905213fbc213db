import { FilterStateV1, LeadEventV1, TokenStateV1 } from '@leadgate/contracts';
import { CAMPAIGN, OTHER_VALUE, PARTNER_CONDITION, PARTNER_VALUE } from '@leadgate/contracts/testing';
import { decideSlice, SliceState, SliceSubscription } from './slice-decision';

const NOW = Date.parse('2026-01-01T00:00:00.000Z');

const token = (overrides: Partial<TokenStateV1> = {}): TokenStateV1 => ({
  id: 'tok_1',
  account_id: 'acc_1',
  kind: 'campaign',
  name: 'Partner ABC',
  scopes: ['leads:read', 'webhooks:write'],
  permissions: ['read'],
  campaign_id: 'cmp_1',
  filter_id: 'flt_1',
  credential_id: null,
  secret_hashes: [],
  docs_key: null,
  previous_docs_keys: [],
  field_access: null,
  expires_at: null,
  revoked_at: null,
  rate_limit_per_minute: null,
  version: 1,
  updated_at: '2025-12-01T00:00:00.000Z',
  ...overrides,
});

const FILTER: FilterStateV1 = {
  id: 'flt_1',
  account_id: 'acc_1',
  campaign_id: 'cmp_1',
  name: 'Partner ABC',
  condition: PARTNER_CONDITION,
  version: 1,
  updated_at: '2025-12-01T00:00:00.000Z',
};

const SUBSCRIPTION: SliceSubscription = {
  account_id: 'acc_1',
  token_id: 'tok_1',
  status: 'active',
  events: ['lead.created', 'lead.updated', 'lead.status_changed'],
};

const event = (select = PARTNER_VALUE, overrides: Partial<LeadEventV1> = {}): LeadEventV1 => ({
  specversion: '1.0',
  id: 'chg_1',
  source: '/leadgate/campaigns/cmp_1/leads',
  type: 'lead.updated',
  subject: 'lead_1',
  time: '2026-01-01T00:00:00.000Z',
  datacontenttype: 'application/json',
  data: {
    campaign_id: 'cmp_1',
    lead: {
      id: 'lead_1',
      campaign_id: 'cmp_1',
      fields: { name: 'Jane Doe', email: 'jane@example.com', notes: 'call after 5' },
      select_field_values: { select_partner: select },
      status: 'new',
      relations: {},
      version: 2,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    },
    changed: ['fields.email', 'fields.notes'],
    actor: { kind: 'token', id: 'tok_9' },
  },
  ...overrides,
});

const state = (overrides: Partial<SliceState> = {}): SliceState => ({
  token: token(),
  campaign: CAMPAIGN,
  filter: FILTER,
  now: NOW,
  ...overrides,
});

const reasonOf = (decision: ReturnType<typeof decideSlice>) => (decision.deliver ? 'deliver' : decision.reason);

describe('decideSlice', () => {
  it('delivers a lead inside the filter as the event, unchanged for a token without field access', () => {
    const decision = decideSlice(SUBSCRIPTION, event(), state());
    expect(decision).toEqual({ deliver: true, body: event() });
  });

  it('judges the lead after the change: a lead moved out of the filter is not sent', () => {
    expect(reasonOf(decideSlice(SUBSCRIPTION, event(OTHER_VALUE), state()))).toBe('outside_filter');
  });

  it('projects the lead as the token reads it: hidden absent (also from changed), masked masked', () => {
    const narrowed = token({ field_access: { hidden: ['notes'], masked: ['email'], read_only: [] } });
    const decision = decideSlice(SUBSCRIPTION, event(), state({ token: narrowed }));
    if (!decision.deliver) throw new Error(decision.reason);
    const lead = decision.body.data.lead as { fields: Record<string, unknown> };
    expect(lead.fields).toEqual({ name: 'Jane Doe', email: 'j***@example.com' });
    expect(decision.body.data.changed).toEqual(['fields.email']);
    expect(JSON.stringify(decision.body)).not.toContain('call after 5');
    expect(JSON.stringify(decision.body)).not.toContain('jane@example.com');
  });

  it('skips an update that changed only fields hidden from the token', () => {
    const narrowed = token({ field_access: { hidden: ['notes', 'email'], masked: [], read_only: [] } });
    expect(reasonOf(decideSlice(SUBSCRIPTION, event(), state({ token: narrowed })))).toBe('no_visible_change');
  });

  it('does not narrow an account token (field access is a campaign-token matter)', () => {
    const account = token({ kind: 'account', campaign_id: null, filter_id: null, field_access: null });
    expect(decideSlice(SUBSCRIPTION, event(OTHER_VALUE), state({ token: account, filter: undefined }))).toEqual({
      deliver: true,
      body: event(OTHER_VALUE),
    });
  });

  it.each<[string, SliceSubscription, LeadEventV1, Partial<SliceState>, string]>([
    ['a disabled subscription', { ...SUBSCRIPTION, status: 'disabled' }, event(), {}, 'subscription_disabled'],
    [
      'an event type not subscribed',
      { ...SUBSCRIPTION, events: ['lead.created'] },
      event(),
      {},
      'event_not_subscribed',
    ],
    ['a quarantined post', SUBSCRIPTION, event(PARTNER_VALUE, { type: 'lead.quarantined' }), {}, 'not_a_partner_event'],
    ['an unknown token', SUBSCRIPTION, event(), { token: undefined }, 'token_unknown'],
    [
      'a revoked token',
      SUBSCRIPTION,
      event(),
      { token: token({ revoked_at: '2025-12-31T00:00:00.000Z' }) },
      'token_not_live',
    ],
    [
      'an expired token',
      SUBSCRIPTION,
      event(),
      { token: token({ expires_at: '2026-01-01T00:00:00.000Z' }) },
      'token_not_live',
    ],
    [
      'a token without leads:read',
      SUBSCRIPTION,
      event(),
      { token: token({ scopes: ['leads:write'] }) },
      'token_cannot_read_leads',
    ],
    ['a token of another account', SUBSCRIPTION, event(), { token: token({ account_id: 'acc_2' }) }, 'other_account'],
    ['a lead of another campaign', SUBSCRIPTION, event(), { token: token({ campaign_id: 'cmp_2' }) }, 'other_campaign'],
    ['an unknown campaign', SUBSCRIPTION, event(), { campaign: undefined }, 'campaign_unknown'],
    [
      'a campaign of another account (account token)',
      SUBSCRIPTION,
      event(),
      {
        token: token({ kind: 'account', campaign_id: null, filter_id: null }),
        campaign: { ...CAMPAIGN, account_id: 'acc_2' },
      },
      'other_account',
    ],
    ['a missing filter', SUBSCRIPTION, event(), { filter: undefined }, 'filter_unavailable'],
    [
      'a filter of another campaign',
      SUBSCRIPTION,
      event(),
      { filter: { ...FILTER, campaign_id: 'cmp_2' } },
      'filter_unavailable',
    ],
    [
      'a filter the schema no longer supports',
      SUBSCRIPTION,
      event(),
      { campaign: { ...CAMPAIGN, selects: [] } },
      'filter_unavailable',
    ],
  ])('skips %s', (_name, subscription, lead, overrides, reason) => {
    expect(reasonOf(decideSlice(subscription, lead, state(overrides)))).toBe(reason);
  });

  it('delivers a status change and a deletion of a lead in the slice', () => {
    const subscription = { ...SUBSCRIPTION, events: ['lead.status_changed', 'lead.deleted'] };
    for (const type of ['lead.status_changed', 'lead.deleted'] as const) {
      expect(reasonOf(decideSlice(subscription, event(PARTNER_VALUE, { type }), state()))).toBe('deliver');
    }
  });
});
