import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import type { FastifyRequest } from 'fastify';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { BearerStrategy } from './bearer.strategy';
import { refuseTokenInQuery } from './token-outside-header';
import { Caller } from './caller';
import { AuthenticatedToken } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { user?: Caller };

/**
 * The bearer guard (passport-http-bearer, see BearerStrategy) with our errors: problem+json 401 and
 * the WWW-Authenticate challenge. A token only counts in the Authorization header (400 for one in
 * the query), and an address whose tokens keep being refused is throttled before any token it
 * sends is checked. Synchronous: no promise per request.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly failures: AuthFailureThrottle,
    private readonly strategy: BearerStrategy,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    this.check(context.switchToHttp().getRequest<AuthenticatedRequest>());
    return true;
  }

  /** The guard outside Nest's router (GET /v1/me): the caller's token, also set on request.user, or throws. */
  check(request: AuthenticatedRequest): AuthenticatedToken {
    refuseTokenInQuery(request);
    return this.authenticate(request);
  }

  /** Sets request.user to the caller's token, or throws (401, 429 for a throttled address, 503). */
  protected authenticate(request: AuthenticatedRequest): AuthenticatedToken {
    const presented = request.headers.authorization !== undefined;
    if (presented) this.failures.enforce(request.ip);
    try {
      return (request.user = this.strategy.authenticate(request));
    } catch (error) {
      if (presented && error instanceof ProblemException && error.getStatus() === 401) {
        this.failures.recordFailure(request.ip);
      }
      throw error;
    }
  }
}
