import { Principal, PRINCIPAL_HEADER, PrincipalSigner, SIGNATURE_HEADER } from './principal';

const principal: Principal = {
  token_id: 'tok_1',
  account_id: 'acc_1',
  kind: 'account',
  scopes: ['admin'],
  campaign_id: null,
  filter_id: null,
  exp: Math.floor(Date.now() / 1000) + 30,
};

describe('PrincipalSigner', () => {
  const signer = new PrincipalSigner('x'.repeat(32));

  it('round-trips a principal for the same method and path', () => {
    const headers = signer.sign('POST', '/v1/admin/campaigns', principal);
    expect(signer.verify('POST', '/v1/admin/campaigns', headers[PRINCIPAL_HEADER], headers[SIGNATURE_HEADER])).toEqual(
      principal,
    );
  });

  it('refuses another path, another method, another key, a tampered principal and an expired one', () => {
    const headers = signer.sign('POST', '/a', principal);
    expect(signer.verify('POST', '/b', headers[PRINCIPAL_HEADER], headers[SIGNATURE_HEADER])).toBeNull();
    expect(signer.verify('GET', '/a', headers[PRINCIPAL_HEADER], headers[SIGNATURE_HEADER])).toBeNull();
    const other = new PrincipalSigner('y'.repeat(32));
    expect(other.verify('POST', '/a', headers[PRINCIPAL_HEADER], headers[SIGNATURE_HEADER])).toBeNull();
    const tampered = Buffer.from(JSON.stringify({ ...principal, scopes: ['admin', 'x'] })).toString('base64url');
    expect(signer.verify('POST', '/a', tampered, headers[SIGNATURE_HEADER])).toBeNull();
    const expired = signer.sign('POST', '/a', { ...principal, exp: 10 });
    expect(signer.verify('POST', '/a', expired[PRINCIPAL_HEADER], expired[SIGNATURE_HEADER])).toBeNull();
    expect(signer.verify('POST', '/a', undefined, undefined)).toBeNull();
  });
});
