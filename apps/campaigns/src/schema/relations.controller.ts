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
import { addRelationSchema, changeRelationSchema } from './dto/schema-bodies';
import { addRelation, changeRelation, removeRelation } from './schema-mutations';

/** Relations: a link from a lead to one of a fixed set of options (e.g. installers). */
@Controller('v1/admin/campaigns/:campaignId/relations')
@UseGuards(InternalPrincipalGuard)
export class RelationsController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: (await this.editor.find(principal, campaignId)).relations };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(addRelationSchema)) body: z.infer<typeof addRelationSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      relations: addRelation(campaign, body).relations,
    }));
  }

  @Patch(':key')
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('key') key: string,
    @Body(new ZodValidationPipe(changeRelationSchema)) body: z.infer<typeof changeRelationSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      relations: changeRelation(campaign, key, body).relations,
    }));
  }

  @Delete(':key')
  remove(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string, @Param('key') key: string) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      relations: removeRelation(campaign, key).relations,
    }));
  }
}
