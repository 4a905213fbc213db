import { TokenStateV1 } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { DocsKeyIndex } from './docs-key-index';

type Change = { key: string; previous: TokenStateV1 | undefined; current: TokenStateV1 | undefined };

/** A tokens read model in memory, with the calls DocsKeyIndex makes. */
function tokensReadModel() {
  const entries = new Map<string, TokenStateV1>();
  const listeners: ((change: Change) => void)[] = [];
  const reader = {
    get: (key: string) => entries.get(key),
    values: () => [...entries.values()],
    onChange: (listener: (change: Change) => void) => listeners.push(listener),
  };
  return {
    readModels: { of: () => reader } as unknown as ReadModels,
    put(token: TokenStateV1) {
      const previous = entries.get(token.id);
      entries.set(token.id, token);
      for (const listener of listeners) listener({ key: token.id, previous, current: token });
    },
  };
}

const KEY_1 = 'docs-key-one-aaaaaaaaaaaaaaaa';
const KEY_2 = 'docs-key-two-bbbbbbbbbbbbbbbb';

function token(changes: Partial<TokenStateV1>): TokenStateV1 {
  return {
    id: 'tok_1',
    account_id: 'acc_1',
    kind: 'account',
    name: 'Documented',
    scopes: ['campaigns:read'],
    permissions: null,
    campaign_id: null,
    filter_id: null,
    field_access: null,
    credential_id: null,
    secret_hashes: [],
    docs_key: KEY_1,
    previous_docs_keys: [],
    expires_at: null,
    revoked_at: null,
    rate_limit_per_minute: null,
    version: 1,
    updated_at: '2026-11-27T10:00:00.000Z',
    ...changes,
  };
}

describe('DocsKeyIndex', () => {
  const now = Date.parse('2026-11-27T12:00:00.000Z');

  it('finds a token by its docs key, and no more by a key a rotation replaced without grace', () => {
    const model = tokensReadModel();
    const index = new DocsKeyIndex(model.readModels);
    model.put(token({}));
    expect(index.find(KEY_1, now)?.id).toBe('tok_1');
    model.put(token({ docs_key: KEY_2, version: 2 }));
    expect(index.find(KEY_2, now)?.id).toBe('tok_1');
    expect(index.find(KEY_1, now)).toBeUndefined();
  });

  it('serves a replaced key until the end of the rotation grace, then not', () => {
    const model = tokensReadModel();
    const index = new DocsKeyIndex(model.readModels);
    model.put(
      token({ docs_key: KEY_2, previous_docs_keys: [{ key: KEY_1, valid_until: '2026-11-27T12:00:05.000Z' }] }),
    );
    expect(index.find(KEY_1, now)?.id).toBe('tok_1');
    expect(index.find(KEY_1, now + 5000)).toBeUndefined();
    expect(index.find(KEY_2, now + 5000)?.id).toBe('tok_1');
  });

  it('indexes what the read model already holds, states without previous keys included', () => {
    const model = tokensReadModel();
    const old = token({});
    delete (old as Partial<TokenStateV1>).previous_docs_keys;
    model.put(old);
    const index = new DocsKeyIndex(model.readModels);
    expect(index.find(KEY_1, now)?.id).toBe('tok_1');
  });
});
