import { Controller, Get, Req, Res } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { csrfTokenFor } from '@leadgate/auth-core';
import { TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitService } from '@gateway/rate-limit/rate-limit.service';
import { SessionAuthenticator } from './session-authenticator';
import { sessionViewExample, sessionViewSchema } from './session-view.schema';

/**
 * `GET /v1/auth/session`, answered by the gateway from its read models (like `GET /v1/me`): the
 * signed-in person, their role and scopes, and the CSRF token for unsafe calls, recomputed from the
 * cookie (it is derived from the session secret, which only the cookie holds). 401 when signed out.
 */
@Controller('v1/auth')
export class SessionController {
  constructor(
    private readonly sessions: SessionAuthenticator,
    private readonly rateLimits: RateLimitService,
    private readonly readModels: ReadModels,
  ) {}

  @Get('session')
  @OperationDocs({
    operationId: 'getSession',
    summary: 'The signed-in person',
    description:
      'Answered by the gateway from the session cookie: the person, their account, the scopes their role grants, ' +
      'the CSRF token for unsafe calls, and when the session ends. 401 when signed out or expired.',
    tag: 'auth',
    auth: 'session',
    response: { status: 200, description: 'Signed in.', schema: sessionViewSchema, example: sessionViewExample },
  })
  session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { caller, session, user, secret } = this.sessions.check(request);
    this.rateLimits.enforceForToken(caller, reply.raw);
    void reply.header('Cache-Control', 'no-store');
    const account = this.readModels.of(TOPICS.identityAccounts).get(user.account_id);
    return {
      user: { id: user.id, email: user.email, role: user.role, status: user.status },
      account: { id: user.account_id, name: account?.name ?? null },
      scopes: caller.scopes,
      csrf_token: csrfTokenFor(secret),
      expires_at: session.expires_at,
      idle_expires_at: session.idle_expires_at,
    };
  }
}
