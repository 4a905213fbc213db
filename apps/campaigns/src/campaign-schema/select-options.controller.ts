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
import { addOptionSchema, changeOptionSchema } from './dto/schema-bodies';
import { addSelectOption, changeSelectOption, removeSelectOption } from './schema-mutations';

/** A select's options. Removing an option a filter uses is refused (409 naming the filter). */
@Controller('v1/admin/campaigns/:campaignId/selects')
@UseGuards(InternalPrincipalGuard)
export class SelectOptionsController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

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
