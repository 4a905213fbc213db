import { All, Controller, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { grants } from '@leadgate/auth-core';
import { Principal } from '@leadgate/service-kit';
import type { FastifyReply } from 'fastify';
import { Caller } from '@gateway/auth/caller';
import { InFlightLimits } from '@gateway/rate-limit/in-flight-limits';
import { RateLimitService } from '@gateway/rate-limit/rate-limit.service';
import { RouteAuthGuard, RoutedRequest } from './route-auth.guard';
import { authorizeForRoute } from './route-authorization';
import { UpstreamProxy } from './upstream-proxy';

/**
 * Every public route that another service owns: authenticate (RouteAuthGuard), authorize the
 * route's scope and campaign, rate-limit (requests a minute, and in progress at once), then forward
 * with a signed principal.
 */
@Controller()
@UseGuards(RouteAuthGuard)
// The services document the routes it forwards; the gateway's admin OpenAPI is its own answers only.
@ApiExcludeController()
export class GatewayController {
  constructor(
    private readonly proxy: UpstreamProxy,
    private readonly rateLimits: RateLimitService,
    private readonly inFlight: InFlightLimits,
  ) {}

  // Fastify (find-my-way) wildcards: everything below these prefixes; the route table decides the rest.
  @All(['v1/*', 'oauth/*', 'receiver/*', 'docs/*', '.well-known/*'])
  async forward(@Req() request: RoutedRequest, @Res() reply: FastifyReply): Promise<void> {
    const { route, params } = request.routeMatch;
    let token = request.user;
    let authFailure = request.authFailure ?? null;
    if (token && route.auth.kind === 'optional' && !grants(token.scopes, route.auth.scope)) {
      // A receiver post with a token that may not post: passed on without it, marked (quarantine).
      token = undefined;
      authFailure = 'insufficient_scope';
    }
    let leave = () => {};
    if (token) {
      authorizeForRoute(token, route, params);
      this.rateLimits.enforceForToken(token, reply.raw);
      leave = this.inFlight.enter(token.id);
    } else {
      this.rateLimits.enforceForAddress(request.ip, reply.raw);
    }
    // From here the proxy answers on Node's own response, streaming the service's answer through.
    void reply.hijack();
    try {
      await this.proxy.forward(request.raw, reply.raw, route, principalOf(token, authFailure, request.ip), {
        secureCookies: request.protocol === 'https',
      });
    } finally {
      leave();
    }
  }
}

/** Who is calling, for the services; the signer adds a one-time id and an expiry of a few seconds. */
function principalOf(
  token: Caller | undefined,
  authFailure: Principal['auth_failure'],
  clientIp: string | null,
): Principal {
  if (!token) {
    return {
      token_id: 'anonymous',
      account_id: 'anonymous',
      kind: 'anonymous',
      scopes: [],
      campaign_id: null,
      filter_id: null,
      auth_failure: authFailure,
      client_ip: clientIp,
      credential_id: null,
    };
  }
  return {
    token_id: token.id,
    account_id: token.account_id,
    kind: token.kind,
    scopes: token.scopes,
    campaign_id: token.campaign_id,
    filter_id: token.filter_id,
    client_ip: clientIp,
    credential_id: token.credential_id,
    actor_name: token.name,
    session_id: token.kind === 'user' ? token.session_id : null,
  };
}
