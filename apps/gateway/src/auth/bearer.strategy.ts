import { Injectable } from '@nestjs/common';
import { Strategy } from 'passport-http-bearer';
import { invalidToken } from './invalid-token';
import { AuthenticatedToken, TokenVerifier } from './token-verifier';

/** What passport-http-bearer reads of a request: its headers (body and query tokens are refused before). */
export interface BearerRequest {
  headers: { authorization?: string };
}

/** One run of the strategy, with the actions passport adds to it; the outcome is kept on it. */
interface Attempt {
  authenticate(request: BearerRequest): void;
  success(token: AuthenticatedToken): void;
  fail(): void;
  error(error: unknown): void;
  outcome: 'pending' | 'success' | 'fail' | 'error';
  token: AuthenticatedToken | undefined;
  failure: unknown;
}

/**
 * passport-http-bearer, verifying with the local read models (no call to identity per request).
 * The strategy runs the way passport's authenticate() runs it (an object made from the strategy,
 * given success/fail/error), without passport's middleware and promise wrapping around it. The
 * verification is synchronous, so the strategy has settled when authenticate() returns, and one
 * attempt object serves every request: nothing is allocated per call, and since Node runs one
 * request's synchronous code at a time, no two requests share it at once.
 */
@Injectable()
export class BearerStrategy {
  private readonly attempt: Attempt;

  constructor(verifier: TokenVerifier) {
    const strategy = new Strategy((presented, done) => {
      let result;
      try {
        result = verifier.verify(presented);
      } catch (error) {
        // auth_unavailable (503): stale read models fail closed.
        return done(error);
      }
      if (!result.ok) return done(invalidToken(result.reason));
      return done(null, result.token);
    });
    const attempt = Object.create(strategy) as Attempt;
    attempt.outcome = 'pending';
    attempt.token = undefined;
    attempt.failure = undefined;
    attempt.success = (token) => {
      attempt.outcome = 'success';
      attempt.token = token;
    };
    attempt.fail = () => {
      attempt.outcome = 'fail';
    };
    attempt.error = (error) => {
      attempt.outcome = 'error';
      attempt.failure = error;
    };
    this.attempt = attempt;
  }

  /** The request's token, or throws: 401 invalid_token (problem+json with the challenge), or 503. */
  authenticate(request: BearerRequest): AuthenticatedToken {
    const attempt = this.attempt;
    attempt.outcome = 'pending';
    attempt.authenticate(request);
    // Set by the strategy's callbacks during authenticate(), which TypeScript cannot see.
    const outcome = attempt.outcome as Attempt['outcome'];
    const { token, failure } = attempt;
    attempt.token = undefined;
    attempt.failure = undefined;
    if (outcome === 'success' && token) return token;
    if (outcome === 'error') throw failure instanceof Error ? failure : new Error('bearer authentication failed');
    // No token, or an Authorization header passport-http-bearer could not read.
    if (outcome === 'fail') throw invalidToken('missing');
    throw new Error('bearer strategy did not settle synchronously');
  }
}
