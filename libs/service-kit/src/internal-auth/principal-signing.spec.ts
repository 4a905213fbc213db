import { createHmac, generateKeyPairSync } from 'node:crypto';
import { bodyDigest, Principal, PRINCIPAL_HEADER, SIGNATURE_HEADER, SignedRequest } from './principal';
import { PrincipalSigner } from './principal-signer';
import { PrincipalVerifier } from './principal-verifier';

const principal: Principal = {
  token_id: 'tok_1',
  account_id: 'acc_1',
  kind: 'account',
  scopes: ['admin'],
  campaign_id: null,
  filter_id: null,
  client_ip: '203.0.113.7',
  credential_id: null,
};
const request: SignedRequest = {
  method: 'POST',
  pathWithQuery: '/v1/admin/campaigns?dry_run=false',
  bodyDigest: bodyDigest('{"name":"Heat pumps"}'),
};

const gatewayKeys = generateKeyPairSync('ed25519');
const operatorKeys = generateKeyPairSync('ed25519');
const gateway = new PrincipalSigner(gatewayKeys.privateKey);
const operator = new PrincipalSigner(operatorKeys.privateKey);
const verifier = () => new PrincipalVerifier({ gateway: [gatewayKeys.publicKey], operator: [operatorKeys.publicKey] });

function check(target: PrincipalVerifier, headers: Record<string, string>, on = request, now?: number) {
  return target.verify(on, headers[PRINCIPAL_HEADER], headers[SIGNATURE_HEADER], now);
}

describe('PrincipalSigner and PrincipalVerifier', () => {
  it('round-trips a principal for exactly the signed request, once', () => {
    const target = verifier();
    const headers = gateway.sign(request, principal);
    expect(check(target, headers)).toEqual(principal);
    // The same headers again within the expiry: a replay.
    expect(check(target, headers)).toBeNull();
    // A fresh signature of the same request is a new call.
    expect(check(target, gateway.sign(request, principal))).toEqual(principal);
  });

  it('refuses another method, path, query or body', () => {
    const target = verifier();
    const headers = () => gateway.sign(request, principal);
    expect(check(target, headers(), { ...request, method: 'PUT' })).toBeNull();
    expect(check(target, headers(), { ...request, pathWithQuery: '/v1/admin/tokens?dry_run=false' })).toBeNull();
    expect(check(target, headers(), { ...request, pathWithQuery: '/v1/admin/campaigns?dry_run=true' })).toBeNull();
    expect(check(target, headers(), { ...request, pathWithQuery: '/v1/admin/campaigns' })).toBeNull();
    expect(check(target, headers(), { ...request, bodyDigest: bodyDigest('{"name":"Heat pumps!"}') })).toBeNull();
    expect(check(target, headers(), { ...request, bodyDigest: bodyDigest('') })).toBeNull();
  });

  it('refuses a tampered principal, a forged or missing signature, and another key', () => {
    const target = verifier();
    const headers = gateway.sign(request, principal);
    const claims = JSON.parse(Buffer.from(headers[PRINCIPAL_HEADER], 'base64url').toString()) as object;
    const tampered = Buffer.from(JSON.stringify({ ...claims, scopes: ['admin', 'x'] })).toString('base64url');
    expect(check(target, { ...headers, [PRINCIPAL_HEADER]: tampered })).toBeNull();
    expect(check(target, { ...headers, [SIGNATURE_HEADER]: 'A'.repeat(86) })).toBeNull();
    expect(target.verify(request, undefined, undefined)).toBeNull();
    const stranger = new PrincipalSigner(generateKeyPairSync('ed25519').privateKey);
    expect(check(target, stranger.sign(request, principal))).toBeNull();
  });

  it('refuses the old HMAC signature over method, path and principal', () => {
    const encoded = Buffer.from(JSON.stringify({ ...principal, exp: Date.now() / 1000 + 30 })).toString('base64url');
    const mac = createHmac('sha256', 'x'.repeat(32))
      .update(`POST\n/v1/admin/campaigns\n${encoded}`)
      .digest('base64url');
    expect(check(verifier(), { [PRINCIPAL_HEADER]: encoded, [SIGNATURE_HEADER]: mac })).toBeNull();
  });

  it('refuses an expired signature and one whose expiry is further ahead than a signer may set', () => {
    const now = Date.now() / 1000;
    const target = verifier();
    expect(check(target, gateway.sign(request, principal, now - 11), request, now)).toBeNull();
    expect(check(target, gateway.sign(request, principal, now + 60), request, now)).toBeNull();
    expect(check(target, gateway.sign(request, principal, now - 5), request, now)).toEqual(principal);
  });

  it("accepts 'service' principals from the operator's key only, and nothing else from it", () => {
    const service: Principal = { ...principal, kind: 'service', scopes: ['platform:bootstrap'] };
    const target = verifier();
    expect(check(target, gateway.sign(request, service))).toBeNull();
    expect(check(target, operator.sign(request, service))).toEqual(service);
    expect(check(target, operator.sign(request, principal))).toBeNull();
    const withoutOperator = new PrincipalVerifier({ gateway: [gatewayKeys.publicKey] });
    expect(check(withoutOperator, operator.sign(request, service))).toBeNull();
  });

  it('accepts every gateway key it is given (rotation)', () => {
    const next = generateKeyPairSync('ed25519');
    const target = new PrincipalVerifier({ gateway: [gatewayKeys.publicKey, next.publicKey] });
    expect(check(target, gateway.sign(request, principal))).toEqual(principal);
    expect(check(target, new PrincipalSigner(next.privateKey).sign(request, principal))).toEqual(principal);
  });

  it('signs with a fresh id every time and never for longer than 10 s', () => {
    const ids = new Set(
      Array.from({ length: 50 }, () => {
        const claims = JSON.parse(
          Buffer.from(gateway.sign(request, principal)[PRINCIPAL_HEADER], 'base64url').toString(),
        ) as { jti: string; exp: number };
        expect(claims.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 10);
        return claims.jti;
      }),
    );
    expect(ids.size).toBe(50);
    expect(() => new PrincipalSigner(gatewayKeys.privateKey, 30)).toThrow();
    expect(() => new PrincipalSigner(gatewayKeys.publicKey)).toThrow();
  });
});
