import {
  Body,
  Controller,
  Headers,
  HttpStatus,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  BulkheadInterceptor,
  CurrentPrincipal,
  hasScope,
  InBulkhead,
  InternalPrincipalGuard,
  Principal,
  ProblemException,
} from '@leadgate/service-kit';
import type { Request, Response } from 'express';
import { LeadCreationService } from '@leads/leads/lead-creation.service';
import { QuarantineService } from '@leads/quarantine/quarantine.service';
import { QuarantineReason } from '@leads/quarantine/quarantine.schema';
import { LeadScopeService, unnarrowedScope } from '@leads/scope/lead-scope.service';
import { receiverBodyToLead } from '@leads/leads/receiver-body';

/**
 * The lead receiver (API.md §4) for web forms and lead sellers, JSON or form-encoded. When the
 * campaign requires authentication, a post without a valid `receiver:post` token of the campaign's
 * account is answered 401 and kept in quarantine with the reason: nothing is silently lost.
 */
@Controller('receiver/v1/campaigns/:campaignId/leads')
@UseGuards(InternalPrincipalGuard)
@UseInterceptors(BulkheadInterceptor)
export class ReceiverController {
  constructor(
    private readonly scopes: LeadScopeService,
    private readonly leads: LeadCreationService,
    private readonly quarantine: QuarantineService,
  ) {}

  @Post()
  @InBulkhead('write')
  async receive(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const campaign = this.scopes.campaign(campaignId);
    if (!campaign) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such campaign.');
    const fromForm = request.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded';
    const refusal = this.refusal(principal, campaign.account_id);
    if (campaign.receiver.require_authentication && refusal) {
      const held = await this.quarantine.hold(campaign, refusal, body, fromForm, principal.client_ip ?? null);
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'invalid_token',
        'Authentication required',
        `This campaign requires an access token with receiver:post; the post was kept in quarantine as ${held._id}.`,
        undefined,
        { 'WWW-Authenticate': 'Bearer realm="leadgate", error="invalid_token"' },
      );
    }
    const result = await this.leads.receive(
      unnarrowedScope(campaign),
      principal,
      body,
      receiverBodyToLead(body, campaign, fromForm),
      key,
    );
    response.status(result.status);
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  /** Why this post does not count as authenticated for the campaign's account, or null if it does. */
  private refusal(principal: Principal, accountId: string): QuarantineReason | null {
    if (principal.kind === 'anonymous') return principal.auth_failure ?? 'missing_token';
    if (principal.account_id !== accountId) return 'wrong_account';
    if (!hasScope(principal, 'receiver:post')) return 'insufficient_scope';
    if (!this.scopes.isLiveToken(principal.token_id)) return 'invalid_token';
    return null;
  }
}
