import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import type { FastifyRequest } from 'fastify';
import { BearerAuthGuard } from '@gateway/auth/bearer-auth.guard';
import { isBearerAuthorization } from '@gateway/auth/bearer-scheme';
import { refuseTokenInQuery } from '@gateway/auth/token-outside-header';
import { AuthFailureThrottle } from '@gateway/auth/auth-failure-throttle';
import { BearerStrategy } from '@gateway/auth/bearer.strategy';
import { Caller } from '@gateway/auth/caller';
import { SessionAuthenticator } from '@gateway/sessions/session-authenticator';
import { sessionMayCall } from '@gateway/sessions/session-routes';
import { routeOf } from './route-matcher';
import { RouteMatch } from './route-table';

export type RoutedRequest = FastifyRequest & {
  routeMatch: RouteMatch;
  user?: Caller;
  /** Optional-auth routes only: the token was refused, and the request goes on without it. */
  authFailure?: 'invalid_token' | 'insufficient_scope';
};

/**
 * Finds the route (404 / 405 as problem+json when there is none) and authenticates as the route
 * asks: public routes pass without a token, the receiver authenticates only when a token is
 * given, every other route needs a valid Bearer token (passport-http-bearer, see BearerStrategy).
 * The admin API also takes a person's console session instead, when no Authorization header is
 * sent (a Bearer token always wins); sign-out takes only a session.
 */
@Injectable()
export class RouteAuthGuard extends BearerAuthGuard {
  constructor(
    failures: AuthFailureThrottle,
    strategy: BearerStrategy,
    private readonly sessions: SessionAuthenticator,
  ) {
    super(failures, strategy);
  }

  override canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    refuseTokenInQuery(request);
    const match = routeOf(request.raw, request.method, pathOf(request.url));
    if (match === null) {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such resource.');
    }
    if (!('route' in match)) {
      throw new ProblemException(
        HttpStatus.METHOD_NOT_ALLOWED,
        'method_not_allowed',
        'Method not allowed',
        `${request.method} is not supported here.`,
        undefined,
        { Allow: match.allow.join(', ') },
      );
    }
    request.routeMatch = match;
    const auth = match.route.auth;
    if (auth.kind === 'public') return true;
    if (auth.kind === 'optional') return this.tryAuthenticate(request);
    const sessionAllowed =
      auth.kind === 'session' ||
      (sessionMayCall(auth, request.method) &&
        request.headers.authorization === undefined &&
        SessionAuthenticator.carriesSession(request));
    if (sessionAllowed) {
      request.user = this.sessions.authenticate(request);
      return true;
    }
    if (auth.kind === 'client_or_bearer' && !isBearerAuthorization(request.headers.authorization)) return true;
    this.authenticate(request);
    return true;
  }

  /**
   * The receiver accepts posts without a token; one that comes with a bad token is still passed
   * on, marked, so that a campaign requiring authentication keeps it in quarantine (nothing lost).
   */
  private tryAuthenticate(request: RoutedRequest): boolean {
    if (request.headers.authorization === undefined) return true;
    try {
      this.authenticate(request);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() !== 401) throw error;
      request.user = undefined;
      request.authFailure = 'invalid_token';
    }
    return true;
  }
}

/** The request's path as sent, without its query (what Express called request.path). */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
