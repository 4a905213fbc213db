import { Principal } from '@leadgate/service-kit';
import { idempotencyScope } from './idempotency-scope';

const token: Principal = {
  token_id: 'tok_a',
  account_id: 'acc_1',
  kind: 'account',
  scopes: ['leads:*'],
  campaign_id: null,
  filter_id: null,
};

describe('idempotencyScope', () => {
  it('differs by owner, endpoint and campaign', () => {
    const scopes = new Set([
      idempotencyScope(token, 'create', 'c1'),
      idempotencyScope(token, 'create', 'c2'),
      idempotencyScope(token, 'batch', 'c1'),
      idempotencyScope(token, 'receiver', 'c1'),
      idempotencyScope({ ...token, token_id: 'tok_b' }, 'create', 'c1'),
    ]);
    expect(scopes.size).toBe(5);
  });

  it('keys access tokens on their credential, so the next access token finds the first attempt', () => {
    const hourOne = { ...token, token_id: 'tok_access_1', kind: 'access' as const, credential_id: 'cred_1' };
    const hourTwo = { ...hourOne, token_id: 'tok_access_2' };
    expect(idempotencyScope(hourOne, 'create', 'c1')).toBe(idempotencyScope(hourTwo, 'create', 'c1'));
    expect(idempotencyScope(hourOne, 'create', 'c1')).not.toBe(idempotencyScope(token, 'create', 'c1'));
  });
});
