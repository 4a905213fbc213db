import { ExecutionContext } from '@nestjs/common';
import { generateKeyPairSync } from 'node:crypto';
import { ProblemException } from '@leadgate/service-kit/errors/problem';
import { InternalPrincipalGuard } from './internal-principal.guard';
import { EMPTY_BODY_DIGEST, Principal, SignedRequest } from './principal';
import { PrincipalSigner } from './principal-signer';
import { PrincipalVerifier } from './principal-verifier';

const partner: Principal = {
  token_id: 'tok_1',
  account_id: 'acc_1',
  kind: 'campaign',
  scopes: ['leads:read'],
  campaign_id: 'cmp_1',
  filter_id: 'flt_1',
  client_ip: '203.0.113.7',
  credential_id: null,
};
// A GET without a body: the digest the guard computes for it.
const target: SignedRequest = {
  method: 'GET',
  pathWithQuery: '/v1/campaigns/cmp_1/leads',
  bodyDigest: EMPTY_BODY_DIGEST,
};

const keys = generateKeyPairSync('ed25519');
const signer = new PrincipalSigner(keys.privateKey);
const guard = () => new InternalPrincipalGuard(new PrincipalVerifier({ gateway: [keys.publicKey], operator: [] }));

function contextFor(principal: Principal): { context: ExecutionContext; request: Record<string, unknown> } {
  const request: Record<string, unknown> = {
    method: target.method,
    originalUrl: target.pathWithQuery,
    headers: signer.sign(target, principal),
  };
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  return { context, request };
}

function statusOf(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as ProblemException).getStatus();
  }
}

describe('InternalPrincipalGuard', () => {
  it('lets a signed request with time left through and hands on its principal', () => {
    const { context, request } = contextFor({ ...partner, deadline: Date.now() + 10_000 });
    expect(guard().canActivate(context)).toBe(true);
    expect(request['principal']).toMatchObject({ token_id: 'tok_1' });
  });

  it('lets a signed request without a deadline through (operator calls carry none)', () => {
    expect(guard().canActivate(contextFor(partner).context)).toBe(true);
  });

  it('answers 504 before any handler once the signed deadline has passed', () => {
    const { context, request } = contextFor({ ...partner, deadline: Date.now() - 1 });
    expect(statusOf(() => guard().canActivate(context))).toBe(504);
    expect(request['principal']).toBeUndefined();
  });

  it('answers 401 to an unsigned request', () => {
    const context = {
      switchToHttp: () => ({ getRequest: () => ({ method: 'GET', originalUrl: '/', headers: {} }) }),
    } as unknown as ExecutionContext;
    expect(statusOf(() => guard().canActivate(context))).toBe(401);
  });
});
