import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ProblemException } from '@leadgate/service-kit';
import type { FastifyRequest } from 'fastify';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { invalidToken } from './invalid-token';
import { refuseTokenInQuery } from './token-outside-header';
import { AuthenticatedToken } from './token-verifier';

/**
 * Passport's bearer guard with our errors: problem+json 401 and the WWW-Authenticate challenge.
 * A token only counts in the Authorization header (400 for one in the query), and an address
 * whose tokens keep being refused is throttled before any token it sends is checked.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly failures: AuthFailureThrottle) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    refuseTokenInQuery(request);
    const address = request.ip;
    const presented = request.headers.authorization !== undefined;
    if (presented) this.failures.enforce(address);
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      if (presented && error instanceof ProblemException && error.getStatus() === 401) {
        this.failures.recordFailure(address);
      }
      throw error;
    }
  }

  override handleRequest<T = AuthenticatedToken>(error: unknown, token: T | false): T {
    if (error) throw error instanceof Error ? error : new Error('bearer authentication failed');
    if (!token) throw invalidToken('missing');
    return token;
  }
}
