import { HttpStatus, Injectable } from '@nestjs/common';
import { csrfTokenMatches } from '@leadgate/auth-core';
import { ProblemException } from '@leadgate/service-kit';
import type { FastifyRequest } from 'fastify';
import { AuthFailureThrottle } from '@gateway/auth/auth-failure-throttle';
import { isSafeMethod } from '@gateway/edge/safe-methods';
import { readSessionCookie } from './session-cookie';
import { SessionVerifier } from './session-verifier';

export const CSRF_HEADER = 'x-csrf-token';

type SignedInCheck = Extract<ReturnType<SessionVerifier['verify']>, { ok: true }>;

/** 401 for a missing or dead session: the same answer whatever the reason. */
export function notSignedIn(): ProblemException {
  return new ProblemException(
    HttpStatus.UNAUTHORIZED,
    'unauthorized',
    'Not signed in',
    'Sign in again: there is no session, or it ended.',
    undefined,
    { 'WWW-Authenticate': 'Bearer realm="leadgate"' },
  );
}

/**
 * A request that comes with the console session cookie instead of a Bearer token: the session must
 * be live, and an unsafe method must carry the session's CSRF token in `X-CSRF-Token` (API.md §11).
 * An address whose cookies keep being refused is throttled like one sending bad tokens.
 */
@Injectable()
export class SessionAuthenticator {
  constructor(
    private readonly verifier: SessionVerifier,
    private readonly failures: AuthFailureThrottle,
  ) {}

  static carriesSession(request: FastifyRequest): boolean {
    return readSessionCookie(request.headers.cookie) !== undefined;
  }

  /** The signed-in person and their session, or throws 401 (or 429, 503). CSRF is not checked here. */
  check(request: FastifyRequest): SignedInCheck {
    const presented = readSessionCookie(request.headers.cookie);
    if (presented === undefined) throw notSignedIn();
    this.failures.enforce(request.ip);
    const check = this.verifier.verify(presented);
    if (!check.ok) {
      this.failures.recordFailure(request.ip);
      throw notSignedIn();
    }
    return check;
  }

  /** As check(), and for POST, PUT, PATCH and DELETE the CSRF token too (403 when it is wrong). */
  authenticate(request: FastifyRequest): SignedInCheck['caller'] {
    const check = this.check(request);
    if (!isSafeMethod(request.method) && !csrfTokenMatches(check.secret, request.headers[CSRF_HEADER])) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'csrf_failed',
        'CSRF token missing or wrong',
        `A signed-in ${request.method} needs the session's CSRF token in the X-CSRF-Token header.`,
      );
    }
    return check.caller;
  }
}
