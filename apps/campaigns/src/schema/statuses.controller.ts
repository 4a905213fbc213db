import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { z } from 'zod';
import { CampaignSchemaEditor } from './campaign-schema.editor';
import { addStatusSchema, changeStatusSchema } from './dto/schema-bodies';
import { addStatus, changeStatus, removeStatus } from './schema-mutations';

/** Lead statuses: slugs, one default, an order. */
@Controller('v1/admin/campaigns/:campaignId/statuses')
@UseGuards(InternalPrincipalGuard)
export class StatusesController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: (await this.editor.find(principal, campaignId)).statuses };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(addStatusSchema)) body: z.infer<typeof addStatusSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({ statuses: addStatus(campaign, body).statuses }));
  }

  @Patch(':slug')
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('slug') slug: string,
    @Body(new ZodValidationPipe(changeStatusSchema)) body: z.infer<typeof changeStatusSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      statuses: changeStatus(campaign, slug, body).statuses,
    }));
  }

  @Delete(':slug')
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('slug') slug: string,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({ statuses: removeStatus(campaign, slug).statuses }));
  }
}
