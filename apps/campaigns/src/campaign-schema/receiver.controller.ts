import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { z } from 'zod';
import { CampaignSchemaEditor } from './campaign-schema.editor';
import { receiverSettingsSchema } from './dto/schema-bodies';

/** Lead receiver settings (API.md §4): whether posts to the receiver need an access token. */
@Controller('v1/admin/campaigns/:campaignId/receiver')
@UseGuards(InternalPrincipalGuard)
export class ReceiverController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

  @Get()
  async get(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return (await this.editor.find(principal, campaignId)).receiver;
  }

  @Put()
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(receiverSettingsSchema)) body: z.infer<typeof receiverSettingsSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return (await this.editor.edit(principal, campaignId, () => ({ receiver: body }))).receiver;
  }
}
