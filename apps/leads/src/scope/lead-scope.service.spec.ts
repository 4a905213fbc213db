import { FieldAccess, TokenStateV1, TOPICS } from '@leadgate/contracts';
import { CAMPAIGN } from '@leadgate/contracts/testing';
import { ReadModels } from '@leadgate/kafka';
import { Principal } from '@leadgate/service-kit';
import { LeadScopeService } from './lead-scope.service';

/** A read model in memory: what the topic holds, and the change listeners the service registers. */
function fakeReader(topic: string, entries: Record<string, unknown>) {
  const listeners: ((change: { key: string }) => void)[] = [];
  return {
    topic,
    fresh: true,
    get: (key: string) => entries[key],
    onChange: (listener: (change: { key: string }) => void) => listeners.push(listener),
    change(key: string, value: unknown) {
      entries[key] = value;
      for (const listener of listeners) listener({ key });
    },
  };
}

const access: FieldAccess = { hidden: ['phone'], masked: ['email'], read_only: ['postcode'] };

function token(overrides: Partial<TokenStateV1>): TokenStateV1 {
  return {
    id: 'tok_1',
    account_id: 'acc_1',
    kind: 'campaign',
    name: 'Partner',
    scopes: ['leads:read'],
    permissions: ['read'],
    campaign_id: 'cmp_1',
    filter_id: null,
    credential_id: null,
    secret_hashes: [],
    docs_key: null,
    previous_docs_keys: [],
    field_access: access,
    expires_at: null,
    revoked_at: null,
    rate_limit_per_minute: null,
    version: 1,
    updated_at: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  token_id: 'tok_1',
  account_id: 'acc_1',
  kind: 'campaign',
  scopes: ['leads:read'],
  campaign_id: 'cmp_1',
  filter_id: null,
  ...overrides,
});

describe('LeadScopeService: field access', () => {
  const lead = { fields: { name: 'Jane', email: 'jane@example.com', phone: '+4512345678', postcode: '8000' } };
  let tokens: ReturnType<typeof fakeReader>;
  let campaigns: ReturnType<typeof fakeReader>;
  let service: LeadScopeService;

  beforeEach(() => {
    const readModels = new ReadModels();
    tokens = fakeReader(TOPICS.identityTokens, {
      tok_1: token({}),
      tok_plain: token({ id: 'tok_plain', field_access: null }),
      tok_account: token({ id: 'tok_account', kind: 'account', campaign_id: null, field_access: null }),
    });
    campaigns = fakeReader(TOPICS.campaignSchemas, { cmp_1: CAMPAIGN });
    for (const reader of [tokens, campaigns, fakeReader(TOPICS.campaignFilters, {})])
      readModels.add(reader as unknown as Parameters<ReadModels['add']>[0]);
    service = new LeadScopeService(readModels);
    service.onModuleInit();
  });

  it('reads a campaign token through its field access, prepared once per token and campaign version', () => {
    const scope = service.resolve(principal(), 'cmp_1');
    expect(scope.access).toEqual(access);
    expect(scope.projection.lead(lead).fields).toEqual({ name: 'Jane', email: 'j***@example.com', postcode: '8000' });
    expect(service.resolve(principal(), 'cmp_1').projection).toBe(scope.projection);
  });

  it('uses the new field access as soon as the token state changes', () => {
    const before = service.resolve(principal(), 'cmp_1').projection;
    tokens.change('tok_1', token({ version: 2, field_access: { hidden: ['email'], masked: [], read_only: [] } }));
    const after = service.resolve(principal(), 'cmp_1');
    expect(after.projection).not.toBe(before);
    expect(after.projection.lead(lead).fields).toEqual({ name: 'Jane', phone: '+4512345678', postcode: '8000' });
    tokens.change('tok_1', token({ version: 3, field_access: null }));
    expect(service.resolve(principal(), 'cmp_1')).toMatchObject({ access: null, projection: { narrowing: false } });
  });

  it('prepares it again when the campaign changes (a field changing type)', () => {
    const before = service.resolve(principal(), 'cmp_1').projection;
    campaigns.change('cmp_1', { ...CAMPAIGN, version: CAMPAIGN.version + 1 });
    expect(service.resolve(principal(), 'cmp_1').projection).not.toBe(before);
  });

  it('narrows nothing for a campaign token without field access, account tokens and people', () => {
    const callers = [
      principal({ token_id: 'tok_plain' }),
      principal({ token_id: 'tok_account', kind: 'account', campaign_id: null }),
      // A person's id is never looked up as a token, even one that shares it.
      principal({ kind: 'user' }),
    ];
    for (const caller of callers)
      expect(service.resolve(caller, 'cmp_1')).toMatchObject({ access: null, projection: { narrowing: false } });
  });

  it('answers 401 for a campaign token this replica does not know, rather than reading it unnarrowed', () => {
    expect(() => service.resolve(principal({ token_id: 'tok_unknown' }), 'cmp_1')).toThrow(
      expect.objectContaining({ problemType: 'invalid_token' }),
    );
  });
});
