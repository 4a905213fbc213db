import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import { BearerStrategy } from './bearer.strategy';
import { AuthenticatedToken, TokenVerifier, Verification } from './token-verifier';

const token = { id: 'tok_1', account_id: 'acc_1', scopes: ['admin'] } as unknown as AuthenticatedToken;

function strategyVerifying(verify: (presented: string) => Verification) {
  const seen: string[] = [];
  const verifier = {
    verify: (presented: string) => {
      seen.push(presented);
      return verify(presented);
    },
  } as unknown as TokenVerifier;
  return { strategy: new BearerStrategy(verifier), seen };
}

function refusal(run: () => unknown): { status: number; detail: string; challenge?: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { status: error.getStatus(), detail: error.message, challenge: error.headers?.['WWW-Authenticate'] };
  }
  throw new Error('expected a refusal');
}

describe('BearerStrategy (passport-http-bearer run directly)', () => {
  it('returns the token the verifier accepted, for the token in the Authorization header only', () => {
    const { strategy, seen } = strategyVerifying(() => ({ ok: true, token }));
    expect(strategy.authenticate({ headers: { authorization: 'Bearer lg_at_abc' } })).toBe(token);
    expect(strategy.authenticate({ headers: { authorization: 'bearer lg_at_def' } })).toBe(token);
    expect(seen).toEqual(['lg_at_abc', 'lg_at_def']);
  });

  it('refuses a missing or unreadable Authorization header with 401 and the challenge, checking nothing', () => {
    const { strategy, seen } = strategyVerifying(() => ({ ok: true, token }));
    for (const headers of [{}, { authorization: 'Bearer a b' }, { authorization: 'Basic abc' }]) {
      const answer = refusal(() => strategy.authenticate({ headers }));
      expect(answer.status).toBe(HttpStatus.UNAUTHORIZED);
      expect(answer.challenge).toContain('error="invalid_token"');
    }
    expect(seen).toEqual([]);
  });

  it('refuses a token the verifier refused with its reason, and the next request is judged on its own', () => {
    const { strategy } = strategyVerifying((presented) =>
      presented === 'good' ? { ok: true, token } : { ok: false, reason: 'revoked' },
    );
    expect(refusal(() => strategy.authenticate({ headers: { authorization: 'Bearer bad' } }))).toMatchObject({
      status: 401,
      detail: 'The token has been revoked.',
    });
    expect(strategy.authenticate({ headers: { authorization: 'Bearer good' } })).toBe(token);
    expect(() => strategy.authenticate({ headers: {} })).toThrow(ProblemException);
  });

  it('passes the verifier’s own failure on (503 when the read models are stale): fail closed', () => {
    const unavailable = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'auth_unavailable', 'Unavailable', 'x');
    const { strategy } = strategyVerifying(() => {
      throw unavailable;
    });
    expect(() => strategy.authenticate({ headers: { authorization: 'Bearer lg_at_abc' } })).toThrow(unavailable);
  });
});
