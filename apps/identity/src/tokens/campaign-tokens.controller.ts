import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { requireOperation } from '@identity/privilege/privilege-rule';
import { CreateCampaignTokenBody, createCampaignTokenSchema } from './dto/token-bodies';
import { CreatedTokenView, TokenCreationService } from './token-creation.service';
import { TokenManagementService } from './token-management.service';
import { TokenView } from './token-view';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import {
  createdTokenViewExample,
  createdTokenViewSchema,
  tokenListSchema,
  tokenViewExample,
} from './token-view.schema';

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
  @OperationDocs({
    operationId: 'createCampaignToken',
    summary: 'Create a campaign token for a partner',
    description:
      'A token for one campaign with `read` or `read`+`write` permissions (plus `webhooks`: the partner manages its ' +
      'own webhook subscriptions, API.md \u00a712), optionally restricted to a filter and ' +
      'narrowed by `field_access` (fields hidden, masked or read-only; a required field stays writable for `write`). ' +
      'The answer carries the token string once and its public docs link.',
    scope: 'tokens:write',
    body: createCampaignTokenSchema,
    bodyExample: {
      name: 'Partner ABC',
      permissions: ['read', 'write'],
      filter_id: 'flt_Q2xk9Pm4Rt7s',
      field_access: { hidden: ['phone'], masked: ['email'], read_only: [] },
    },
    response: {
      status: 201,
      description: 'The new token, with its secret.',
      schema: createdTokenViewSchema,
      example: createdTokenViewExample,
    },
  })
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
  @OperationDocs({
    operationId: 'listCampaignTokens',
    summary: 'List a campaign\u2019s tokens',
    description: 'Every token of the campaign, newest first; never a secret.',
    scope: 'tokens:read',
    response: {
      status: 200,
      description: 'The tokens.',
      schema: tokenListSchema,
      example: { data: [tokenViewExample] },
    },
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
  ): Promise<{ data: TokenView[] }> {
    requireOperation(principal, 'tokens:read');
    return { data: await this.management.list(principal, 'campaign', campaignId) };
  }
}
