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
import { addOptionSchema, addSelectSchema, changeOptionSchema, changeSelectSchema } from './dto/schema-bodies';
import {
  addSelect,
  addSelectOption,
  changeSelect,
  changeSelectOption,
  removeSelect,
  removeSelectOption,
} from './schema-mutations';

/** Selects and their options. Removing an option a filter uses is refused (409 naming the filter). */
@Controller('v1/admin/campaigns/:campaignId/selects')
@UseGuards(InternalPrincipalGuard)
export class SelectsController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: (await this.editor.find(principal, campaignId)).selects };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(addSelectSchema)) body: z.infer<typeof addSelectSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({ selects: addSelect(campaign, body).selects }));
  }

  @Patch(':key')
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('key') key: string,
    @Body(new ZodValidationPipe(changeSelectSchema)) body: z.infer<typeof changeSelectSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      selects: changeSelect(campaign, key, body).selects,
    }));
  }

  @Delete(':key')
  remove(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string, @Param('key') key: string) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({ selects: removeSelect(campaign, key).selects }));
  }

  @Get(':key/options')
  async options(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('key') key: string,
  ) {
    authorizeAdmin(principal, 'campaigns:read');
    const select = (await this.editor.find(principal, campaignId)).selects.find((item) => item.key === key);
    return { data: select?.options ?? [] };
  }

  @Post(':key/options')
  @HttpCode(HttpStatus.CREATED)
  addOption(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('key') key: string,
    @Body(new ZodValidationPipe(addOptionSchema)) body: z.infer<typeof addOptionSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      selects: addSelectOption(campaign, key, body).selects,
    }));
  }

  @Patch(':key/options/:value')
  changeOption(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('key') key: string,
    @Param('value') value: string,
    @Body(new ZodValidationPipe(changeOptionSchema)) body: z.infer<typeof changeOptionSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      selects: changeSelectOption(campaign, key, value, body).selects,
    }));
  }

  @Delete(':key/options/:value')
  removeOption(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('key') key: string,
    @Param('value') value: string,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return this.editor.edit(principal, campaignId, (campaign) => ({
      selects: removeSelectOption(campaign, key, value).selects,
    }));
  }
}
