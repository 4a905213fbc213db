import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { NO_FIELD_ACCESS } from '@leadgate/field-access';
import { ROOT_LOGGER } from '@leadgate/observability';
import { ProblemFilter } from '@leadgate/service-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { BearerAuthGuard } from '@gateway/auth/bearer-auth.guard';
import { httpHost } from '@gateway/edge/http-host';
import { AuthenticatedToken } from '@gateway/auth/token-verifier';
import { RateLimitService } from '@gateway/rate-limit/rate-limit.service';

/**
 * GET /v1/me, answered by the gateway itself: the calling token as the platform sees it.
 *
 * A plain Fastify route rather than a Nest controller (issue 13): it is the edge's cheapest call,
 * and Nest's router adds a promise chain, parameter pipes and a guard consumer to every one. The
 * same pieces run as in a controller: the bearer guard, the rate limit (headers, token usage), and
 * errors through the service's ProblemFilter (problem+json, challenge headers). The request
 * observer (request id, access log, metrics) and the edge checks are Fastify hooks and run first.
 * Fastify prefers this static path to the `/v1/*` catch-all whatever the order they were added in.
 */
@Injectable()
export class MeRoute implements OnModuleInit {
  private readonly problems: ProblemFilter;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly guard: BearerAuthGuard,
    private readonly rateLimits: RateLimitService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.problems = new ProblemFilter(logger, adapterHost);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get('/v1/me', (request, reply) => this.answer(request, reply));
  }

  private answer(request: FastifyRequest, reply: FastifyReply): void {
    let body: string;
    try {
      const token = this.guard.check(request);
      this.rateLimits.enforceForToken(token, reply.raw);
      body = JSON.stringify(meOf(token));
    } catch (error) {
      this.problems.catch(error, httpHost(request, reply));
      return;
    }
    void reply.type('application/json; charset=utf-8').send(body);
  }
}

/** The answer: the token's state, never its secret or hash. */
export function meOf(token: AuthenticatedToken) {
  return {
    id: token.id,
    kind: token.kind,
    name: token.name,
    account_id: token.account_id,
    scopes: token.scopes,
    ...(token.permissions ? { permissions: token.permissions } : {}),
    campaign_id: token.campaign_id,
    filter_id: token.filter_id,
    // Campaign tokens: which lead fields it sees hidden, masked or read-only (API.md §13); made
    // before field access, it reads every field (an empty set). Null for other tokens.
    field_access: token.kind === 'campaign' ? (token.field_access ?? NO_FIELD_ACCESS) : null,
    expires_at: token.expires_at,
    rate_limit_per_minute: token.rate_limit_per_minute,
  };
}
