import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerAuthGuard } from '@gateway/auth/bearer-auth.guard';
import { AuthenticatedToken } from '@gateway/auth/token-verifier';
import { RateLimitService } from '@gateway/rate-limit/rate-limit.service';

/** GET /v1/me, answered by the gateway itself: the calling token as the platform sees it. */
@Controller('v1/me')
@UseGuards(BearerAuthGuard)
export class MeController {
  constructor(private readonly rateLimits: RateLimitService) {}

  @Get()
  me(@Req() request: FastifyRequest & { user: AuthenticatedToken }, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = request.user;
    this.rateLimits.enforceForToken(token, reply.raw);
    return {
      id: token.id,
      kind: token.kind,
      name: token.name,
      account_id: token.account_id,
      scopes: token.scopes,
      ...(token.permissions ? { permissions: token.permissions } : {}),
      campaign_id: token.campaign_id,
      filter_id: token.filter_id,
      expires_at: token.expires_at,
      rate_limit_per_minute: token.rate_limit_per_minute,
    };
  }
}
