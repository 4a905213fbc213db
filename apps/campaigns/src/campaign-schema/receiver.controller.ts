import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { OperationDocs } from '@leadgate/api-docs-publishing';

import { z } from 'zod';
import { CampaignSchemaEditor } from './campaign-schema.editor';
import { receiverSettingsSchema } from './dto/schema-bodies';

/** Lead receiver settings (API.md §4): whether posts to the receiver need an access token. */
@Controller('v1/admin/campaigns/:campaignId/receiver')
@UseGuards(InternalPrincipalGuard)
export class ReceiverController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

  @Get()
  @OperationDocs({
    operationId: 'getReceiverSettings',
    summary: 'Read the lead receiver settings',
    description: 'Whether posts to the campaign\u2019s lead receiver need an access token (API.md §4).',
    scope: 'campaigns:read',
    response: {
      status: 200,
      description: 'The settings.',
      schema: receiverSettingsSchema,
      example: { require_authentication: true },
    },
  })
  async get(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return (await this.editor.find(principal, campaignId)).receiver;
  }

  @Put()
  @OperationDocs({
    operationId: 'setReceiverSettings',
    summary: 'Change the lead receiver settings',
    description:
      'Whether posts to the campaign\u2019s lead receiver need an access token; without one they are quarantined.',
    scope: 'campaigns:write',
    body: receiverSettingsSchema,
    bodyExample: { require_authentication: true },
    errors: [409],
    response: {
      status: 200,
      description: 'The new settings.',
      schema: receiverSettingsSchema,
      example: { require_authentication: true },
    },
  })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(receiverSettingsSchema)) body: z.infer<typeof receiverSettingsSchema>,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    return (await this.editor.edit(principal, campaignId, () => ({ receiver: body }))).receiver;
  }
}
