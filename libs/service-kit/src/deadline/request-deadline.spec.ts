import { generateKeyPairSync } from 'node:crypto';
import {
  bodyDigest,
  Principal,
  PRINCIPAL_HEADER,
  SIGNATURE_HEADER,
} from '@leadgate/service-kit/internal-auth/principal';
import { PrincipalSigner } from '@leadgate/service-kit/internal-auth/principal-signer';
import { PrincipalVerifier } from '@leadgate/service-kit/internal-auth/principal-verifier';
import { deadlineExceeded, deadlineOf, deadlinePassed } from './request-deadline';

const principal: Principal = {
  token_id: 'tok_1',
  account_id: 'acc_1',
  kind: 'campaign',
  scopes: ['leads:write'],
  campaign_id: 'cmp_1',
  filter_id: null,
};

describe('request deadline', () => {
  it('travels signed with the principal, and a changed deadline breaks the signature', () => {
    const keys = generateKeyPairSync('ed25519');
    const request = { method: 'POST', pathWithQuery: '/v1/campaigns/cmp_1/leads', bodyDigest: bodyDigest('{}') };
    const headers = new PrincipalSigner(keys.privateKey).sign(request, { ...principal, deadline: 1_900_000_000_000 });
    const verifier = new PrincipalVerifier({ gateway: [keys.publicKey] });
    const seen = verifier.verify(request, headers[PRINCIPAL_HEADER], headers[SIGNATURE_HEADER]);
    expect(seen && deadlineOf(seen)).toBe(1_900_000_000_000);

    const claims = JSON.parse(Buffer.from(headers[PRINCIPAL_HEADER], 'base64url').toString('utf8'));
    const later = Buffer.from(JSON.stringify({ ...claims, deadline: 1_900_000_060_000 })).toString('base64url');
    expect(verifier.verify(request, later, headers[SIGNATURE_HEADER])).toBeNull();
  });

  it('has passed at and after the deadline, never when none travelled', () => {
    expect(deadlineOf(principal)).toBeNull();
    expect(deadlinePassed(null, Date.now())).toBe(false);
    expect(deadlinePassed(1000, 999)).toBe(false);
    expect(deadlinePassed(1000, 1000)).toBe(true);
    expect(deadlinePassed(1000, 1001)).toBe(true);
  });

  it('answers 504 saying nothing was stored', () => {
    const problem = deadlineExceeded();
    expect(problem.getStatus()).toBe(504);
    expect(problem.message).toMatch(/nothing of it was stored/);
  });
});
