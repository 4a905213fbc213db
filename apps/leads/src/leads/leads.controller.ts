import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  BulkheadInterceptor,
  CurrentPrincipal,
  InBulkhead,
  InternalPrincipalGuard,
  Principal,
  requireScope,
} from '@leadgate/service-kit';
import type { Response } from 'express';
import { IdempotentResult } from '@leads/idempotency/idempotency.service';
import { LeadReadsService } from './lead-reads.service';
import { LeadUpdatesService } from './lead-updates.service';
import { etagOf, LeadView } from '@leads/store/lead-view';
import { LeadCreationService } from './lead-creation.service';

function answer(response: Response, result: IdempotentResult): unknown {
  response.status(result.status);
  for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}

/** The partner data API for leads (API.md §3). */
@Controller('v1/campaigns/:campaignId/leads')
@UseGuards(InternalPrincipalGuard)
@UseInterceptors(BulkheadInterceptor)
export class LeadsController {
  constructor(
    private readonly leads: LeadCreationService,
    private readonly reads: LeadReadsService,
    private readonly updates: LeadUpdatesService,
  ) {}

  @Get()
  @InBulkhead('read')
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Query() query: Record<string, unknown>,
  ) {
    requireScope(principal, 'leads:read');
    return this.reads.list(principal, campaignId, query);
  }

  @Post()
  @InBulkhead('write')
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    requireScope(principal, 'leads:write');
    return answer(response, await this.leads.create(principal, campaignId, body, key));
  }

  @Post('batch')
  @InBulkhead('batch')
  async batch(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    requireScope(principal, 'leads:write');
    return answer(response, await this.leads.batch(principal, campaignId, body, key));
  }

  @Get(':leadId')
  @InBulkhead('read')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('leadId') leadId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LeadView> {
    requireScope(principal, 'leads:read');
    const lead = await this.reads.view(principal, campaignId, leadId);
    response.setHeader('ETag', etagOf(lead));
    return lead;
  }

  @Patch(':leadId')
  @InBulkhead('write')
  @HttpCode(HttpStatus.OK)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('leadId') leadId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LeadView> {
    requireScope(principal, 'leads:write');
    const lead = await this.updates.update(principal, campaignId, leadId, body, ifMatch);
    response.setHeader('ETag', etagOf(lead));
    return lead;
  }
}
