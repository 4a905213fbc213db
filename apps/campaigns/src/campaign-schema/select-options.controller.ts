import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { z } from 'zod';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { selectOptionSchema } from '@leadgate/contracts';
import { campaignViewExample, campaignViewSchema } from '@campaigns/store/campaign-view.schema';

import { CampaignSchemaEditor } from './campaign-schema.editor';
import { addOptionSchema, changeOptionSchema } from './dto/schema-bodies';
import { addSelectOption, changeSelectOption, removeSelectOption } from './schema-mutations';

/** A select's options. Removing an option a filter uses is refused (409 naming the filter). */
@Controller('v1/admin/campaigns/:campaignId/selects')
@UseGuards(InternalPrincipalGuard)
export class SelectOptionsController {
  constructor(private readonly editor: CampaignSchemaEditor) {}

  @Get(':key/options')
  @OperationDocs({
    operationId: 'listSelectOptions',
    summary: 'List a select\u2019s options',
    description: 'The options of one select of the campaign (empty for an unknown select).',
    scope: 'campaigns:read',
    response: {
      status: 200,
      description: 'The options.',
      schema: z.object({ data: z.array(selectOptionSchema) }),
      example: { data: [{ value: 'SELECT_PARTNER', label: 'Partner ABC' }] },
    },
  })
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
  @OperationDocs({
    operationId: 'addSelectOption',
    summary: 'Add an option to a select',
    description: 'A new UPPER_SNAKE value with its label; a duplicate value is refused with 409.',
    scope: 'campaigns:write',
    body: addOptionSchema,
    bodyExample: { value: 'VENDOR_NORTH', label: 'Vendor North' },
    errors: [409],
    response: {
      status: 201,
      description: 'The whole campaign, with its new version.',
      schema: campaignViewSchema,
      example: campaignViewExample,
    },
  })
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
  @OperationDocs({
    operationId: 'changeSelectOption',
    summary: 'Change an option\u2019s label',
    description: 'Only the label changes; the value is what leads and filters hold.',
    scope: 'campaigns:write',
    body: changeOptionSchema,
    bodyExample: { label: 'Vendor North (DK)' },
    errors: [409],
    response: {
      status: 200,
      description: 'The whole campaign, with its new version.',
      schema: campaignViewSchema,
      example: campaignViewExample,
    },
  })
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
  @OperationDocs({
    operationId: 'removeSelectOption',
    summary: 'Remove an option from a select',
    description: 'Refused with 409 naming the filter when a filter uses the option.',
    scope: 'campaigns:write',
    errors: [409],
    response: {
      status: 200,
      description: 'The whole campaign, with its new version.',
      schema: campaignViewSchema,
      example: campaignViewExample,
    },
  })
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
