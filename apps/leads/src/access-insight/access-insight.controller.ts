import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { NotAudited } from '@leadgate/audit';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import {
  FilterPreviewBody,
  filterPreviewBodyExample,
  filterPreviewBodySchema,
  filterPreviewExample,
  filterPreviewSchema,
  FilterPreviewView,
  leadAccessExample,
  leadAccessSchema,
  LeadAccessView,
} from './access-insight-view.schema';
import { FilterPreviewService } from './filter-preview.service';
import { LeadAccessService } from './lead-access.service';

/** Access insight (API.md §14): what a filter would let tokens see, and who sees a lead now. Reads only. */
@Controller('v1/admin/campaigns/:campaignId')
@UseGuards(InternalPrincipalGuard)
export class AccessInsightController {
  constructor(
    private readonly previews: FilterPreviewService,
    private readonly access: LeadAccessService,
  ) {}

  @Post('filters/preview')
  @HttpCode(HttpStatus.OK)
  @NotAudited('previews a condition against the leads; nothing is changed')
  @OperationDocs({
    operationId: 'previewFilter',
    summary: 'Preview a filter condition',
    description:
      'How many of the campaign\u2019s leads a condition matches now, with the ids of the first 20; with ' +
      '`filter_id`, how many leads each live token restricted by that filter would gain and lose if the ' +
      'condition replaced it. The condition is checked like a filter being saved (422 with one error per ' +
      'problem: an unknown select, option, status or field). Nothing is changed, and nothing is recorded ' +
      'in the audit log. 404 for a campaign of another account, or a `filter_id` not of this campaign.',
    scope: 'campaigns:read',
    body: filterPreviewBodySchema,
    bodyExample: filterPreviewBodyExample,
    response: {
      status: 200,
      description: 'The count, a sample, and per token what it would gain and lose.',
      schema: filterPreviewSchema,
      example: filterPreviewExample,
    },
  })
  preview(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(filterPreviewBodySchema)) body: FilterPreviewBody,
  ): Promise<FilterPreviewView> {
    authorizeAdmin(principal, 'campaigns:read');
    return this.previews.preview(principal, campaignId, body);
  }

  @Get('leads/:leadId/access')
  @OperationDocs({
    operationId: 'getLeadAccess',
    summary: 'Who can read a lead',
    description:
      'Every live token of the account that can read this lead now: campaign tokens of its campaign whose ' +
      'filter matches it (`via: filter`) or that have no filter (`via: campaign`), and account tokens and ' +
      'OAuth2 access tokens holding `leads:read` (`via: account`). `webhooks` is always empty for now: ' +
      'there is no webhooks service yet; when it comes (API.md \u00a712) it lists the subscriptions that ' +
      'would receive the lead. 404 for a lead of another campaign or account.',
    scope: 'tokens:read',
    response: {
      status: 200,
      description: 'The tokens (and, later, webhooks) that can read the lead.',
      schema: leadAccessSchema,
      example: leadAccessExample,
    },
  })
  leadAccess(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('leadId') leadId: string,
  ): Promise<LeadAccessView> {
    authorizeAdmin(principal, 'tokens:read');
    return this.access.readersOf(principal, campaignId, leadId);
  }
}
