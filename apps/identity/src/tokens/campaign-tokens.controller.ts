import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { requireOperation } from '@identity/privilege/privilege-rule';
import { CreateCampaignTokenBody, createCampaignTokenSchema } from './dto/token-bodies';
import { CreatedTokenView, TokenCreationService } from './token-creation.service';
import { TokenManagementService } from './token-management.service';
import { TokenView } from './token-view';

/** Campaign-scoped tokens for partners (API.md §6): permissions, optional filter, docs link. */
@Controller('v1/admin/campaigns/:campaignId/tokens')
@UseGuards(InternalPrincipalGuard)
export class CampaignTokensController {
  constructor(
    private readonly creation: TokenCreationService,
    private readonly management: TokenManagementService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(createCampaignTokenSchema)) body: CreateCampaignTokenBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedTokenView> {
    requireOperation(principal, 'tokens:write');
    const created = await this.creation.createCampaignToken(principal, campaignId, body);
    response.setHeader('Location', `/v1/admin/tokens/${created.id}`);
    response.setHeader('Cache-Control', 'no-store');
    return created;
  }

  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
  ): Promise<{ data: TokenView[] }> {
    requireOperation(principal, 'tokens:read');
    return { data: await this.management.list(principal, 'campaign', campaignId) };
  }
}
