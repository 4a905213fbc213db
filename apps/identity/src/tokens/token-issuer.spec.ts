import { hashSecret, parseTokenString, tokenIdFor } from '@leadgate/auth-core';
import { NewToken, TokenIssuer } from './token-issuer';
import { TokenDocument } from './token.schema';
import { TokenStatePublisher } from './token-state.publisher';
import { TokensRepository } from './tokens.repository';

function issuerWithFakes() {
  const steps: string[] = [];
  const stored: TokenDocument[] = [];
  const repository = {
    insert: (document: TokenDocument) => {
      steps.push('insert');
      stored.push(document);
      return Promise.resolve();
    },
  } as unknown as TokensRepository;
  const publisher = {
    publish: () => {
      steps.push('publish');
      return Promise.resolve();
    },
  } as unknown as TokenStatePublisher;
  return { issuer: new TokenIssuer(repository, publisher), steps, stored };
}

const fields = (kind: NewToken['kind']): NewToken => ({
  account_id: 'acc_1',
  kind,
  name: 'A token',
  scopes: ['campaigns:read'],
  permissions: null,
  campaign_id: null,
  filter_id: null,
  credential_id: null,
  expires_at: null,
  rate_limit_per_minute: null,
  created_by: 'tok_owner',
});

describe('TokenIssuer', () => {
  it('stores only the hash of the secret, under the id the token string names, then publishes', async () => {
    const { issuer, steps, stored } = issuerWithFakes();
    const { document, token } = await issuer.issue(fields('account'));
    const parsed = parseTokenString(token);
    if (!parsed.ok) throw new Error('not a token string');
    expect(parsed.kind).toBe('api_token');
    expect(document._id).toBe(tokenIdFor('api_token', parsed.publicId));
    expect(document.secret_hashes).toEqual([{ sha256: hashSecret(parsed.secret), valid_until: null }]);
    expect(JSON.stringify(stored)).not.toContain(parsed.secret);
    expect(steps).toEqual(['insert', 'publish']);
    expect(document).toMatchObject({ version: 1, publish_pending: true, revoked_at: null, last_used_at: null });
  });

  it('gives API tokens an unguessable docs key and no replaced keys; access tokens none', async () => {
    const { issuer } = issuerWithFakes();
    const first = (await issuer.issue(fields('account'))).document;
    const second = (await issuer.issue(fields('campaign'))).document;
    expect(first.docs_key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second.docs_key).not.toBe(first.docs_key);
    expect(first.previous_docs_keys).toEqual([]);
    const access = (await issuer.issue(fields('access'))).document;
    expect(access.docs_key).toBeNull();
    expect(access._id.startsWith('acc_')).toBe(true);
  });
});
