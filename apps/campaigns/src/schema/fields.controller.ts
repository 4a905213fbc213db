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
import { addFieldSchema, changeFieldSchema } from './dto/schema-bodies';
import { addField, changeField, removeField } from './schema-mutations';

/** Lead fields of a campaign. Changes answer the whole campaign (its new version included). */
@Controller('v1/admin/campaigns/:campaignId/fields')
@UseGuards(InternalPrincipalGuard)
export class FieldsController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: (await this.editor.find(principal, campaignId)).fields };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(addFieldSchema)) body: z.infer<typeof addFieldSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({ fields: addField(campaign, body).fields }));
  }

  @Patch(':key')
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('key') key: string,
    @Body(new ZodValidationPipe(changeFieldSchema)) body: z.infer<typeof changeFieldSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({ fields: changeField(campaign, key, body).fields }));
  }

  @Delete(':key')
  remove(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string, @Param('key') key: string) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({ fields: removeField(campaign, key).fields }));
  }
}
