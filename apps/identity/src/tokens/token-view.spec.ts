import { toTokenView } from './token-view';
import { TokenDocument } from './token.schema';

const NOW = new Date('2026-06-01T12:00:00.000Z');

function token(overrides: Partial<TokenDocument> = {}): TokenDocument {
  return {
    _id: 'tok_1',
    account_id: 'acc_1',
    kind: 'account',
    name: 'Sync',
    scopes: ['leads:read'],
    permissions: null,
    campaign_id: null,
    filter_id: null,
    credential_id: null,
    secret_hashes: [{ hash: 'h', expires_at: null }],
    docs_key: 'docs-key-1',
    previous_docs_keys: [],
    expires_at: null,
    revoked_at: null,
    rate_limit_per_minute: null,
    version: 3,
    publish_pending: false,
    created_at: '2026-01-01T00:00:00.000Z',
    created_by: 'tok_owner',
    updated_at: '2026-01-02T00:00:00.000Z',
    last_used_at: null,
    ...overrides,
  } as TokenDocument;
}

describe('toTokenView', () => {
  it('never shows the secret hashes or the raw docs key', () => {
    const view = toTokenView(token(), 'https://api.example', { showDocsUrl: true, now: NOW });
    const shown = JSON.stringify(view);
    expect(shown).not.toContain('secret_hashes');
    expect(shown).not.toContain('"docs_key"');
    expect(shown).not.toContain('publish_pending');
  });

  it('shows the docs link only when the caller may see it, without a double slash', () => {
    expect(toTokenView(token(), 'https://api.example/', { showDocsUrl: true, now: NOW }).docs_url).toBe(
      'https://api.example/docs/p/docs-key-1',
    );
    expect(toTokenView(token(), 'https://api.example', { showDocsUrl: false, now: NOW }).docs_url).toBeNull();
    expect(toTokenView(token({ docs_key: null }), 'https://api.example', { showDocsUrl: true }).docs_url).toBeNull();
  });

  it('says revoked before expired, and expired from the expiry moment on', () => {
    const status = (overrides: Partial<TokenDocument>) =>
      toTokenView(token(overrides), 'https://api.example', { showDocsUrl: false, now: NOW }).status;
    expect(status({})).toBe('active');
    expect(status({ expires_at: '2026-06-01T12:00:01.000Z' })).toBe('active');
    expect(status({ expires_at: NOW.toISOString() })).toBe('expired');
    expect(status({ expires_at: '2026-05-01T00:00:00.000Z', revoked_at: '2026-04-01T00:00:00.000Z' })).toBe('revoked');
  });

  it('lists permissions only for tokens that have them', () => {
    expect(toTokenView(token(), 'https://api.example', { showDocsUrl: false }).permissions).toBeUndefined();
    const campaign = token({ kind: 'campaign', permissions: ['read'], campaign_id: 'cmp_1' });
    expect(toTokenView(campaign, 'https://api.example', { showDocsUrl: false }).permissions).toEqual(['read']);
  });
});
