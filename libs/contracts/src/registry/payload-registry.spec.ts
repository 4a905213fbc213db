import { TOPICS } from '@leadgate/contracts/topics/topics';
import { assertPayload, ContractViolationError, decodePayload } from './payload-registry';

const campaign = {
  id: 'cmp_1',
  account_id: 'acc_1',
  name: 'Heat pumps DK',
  fields: [{ key: 'email', label: 'E-mail', type: 'email', required: true }],
  selects: [{ key: 'select_partner', label: 'Source', options: [{ value: 'SELECT_PARTNER', label: 'Partner' }] }],
  statuses: [{ slug: 'new', label: 'New', is_default: true, order: 0 }],
  relations: [],
  receiver: { require_authentication: false },
  version: 1,
  updated_at: '2026-11-22T10:00:00.000Z',
};

describe('payload registry', () => {
  it('accepts a valid campaign schema state', () => {
    expect(assertPayload(TOPICS.campaignSchemas, campaign)).toEqual(campaign);
  });

  it('names every broken path', () => {
    const broken = { ...campaign, id: 'bad id', statuses: [] };
    let caught: unknown;
    try {
      assertPayload(TOPICS.campaignSchemas, broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContractViolationError);
    const issues = (caught as ContractViolationError).issues.join('\n');
    expect(issues).toContain('id:');
    expect(issues).toContain('statuses:');
  });

  it('refuses keys that could become query operators', () => {
    const sneaky = { ...campaign, fields: [{ key: '$where', label: 'x', type: 'text', required: false }] };
    expect(() => assertPayload(TOPICS.campaignSchemas, sneaky)).toThrow(ContractViolationError);
    const dotted = { ...campaign, fields: [{ key: 'a.b', label: 'x', type: 'text', required: false }] };
    expect(() => assertPayload(TOPICS.campaignSchemas, dotted)).toThrow(ContractViolationError);
  });

  it('refuses an object where a filter value must be data', () => {
    const filter = {
      id: 'flt_1',
      account_id: 'acc_1',
      campaign_id: 'cmp_1',
      name: 'Partner',
      condition: { all: [{ select: 'select_partner', op: 'eq', value: { $ne: null } }] },
      version: 1,
      updated_at: '2026-11-22T10:00:00.000Z',
    };
    expect(() => assertPayload(TOPICS.campaignFilters, filter)).toThrow(ContractViolationError);
  });

  it('decodes a tombstone to null and refuses bytes that are not JSON', () => {
    expect(decodePayload(TOPICS.campaignSchemas, null)).toBeNull();
    expect(() => decodePayload(TOPICS.campaignSchemas, Buffer.from('{nope'))).toThrow(/not JSON/);
  });

  it('reads token states published before previous_docs_keys existed, with none', () => {
    const token = {
      id: 'tok_1',
      account_id: 'acc_1',
      kind: 'campaign',
      name: 'Partner',
      scopes: ['leads:read'],
      permissions: ['read'],
      campaign_id: 'cmp_1',
      filter_id: null,
      credential_id: null,
      secret_hashes: [{ sha256: 'a'.repeat(64), valid_until: null }],
      docs_key: 'k'.repeat(32),
      expires_at: null,
      revoked_at: null,
      rate_limit_per_minute: null,
      version: 1,
      updated_at: '2026-11-22T10:00:00.000Z',
    };
    expect(assertPayload(TOPICS.identityTokens, token).previous_docs_keys).toEqual([]);
    const rotated = {
      ...token,
      previous_docs_keys: [{ key: 'p'.repeat(32), valid_until: '2026-11-22T10:05:00.000Z' }],
    };
    expect(assertPayload(TOPICS.identityTokens, rotated).previous_docs_keys).toHaveLength(1);
    expect(() => assertPayload(TOPICS.identityTokens, { ...token, previous_docs_keys: [{ key: '$bad' }] })).toThrow(
      ContractViolationError,
    );
  });
});
