import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import type { Response } from 'express';
import { CampaignView } from '@campaigns/store/campaign-view';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { campaignListSchema, campaignViewExample, campaignViewSchema } from '@campaigns/store/campaign-view.schema';

import { CampaignsService } from './campaigns.service';
import {
  CreateCampaignDto,
  createCampaignSchema,
  UpdateCampaignDto,
  updateCampaignSchema,
} from './create-campaign.dto';

@Controller('v1/admin/campaigns')
@UseGuards(InternalPrincipalGuard)
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @OperationDocs({
    operationId: 'createCampaign',
    summary: 'Create a campaign',
    description:
      'A campaign with a name and, optionally, its first fields, selects, statuses and relations (the shapes of the ' +
      'schema piece endpoints). Without statuses it has one, `new`, as its default.',
    scope: 'campaigns:write',
    body: createCampaignSchema,
    bodyExample: {
      name: 'Heat pumps DK',
      fields: [{ key: 'email', label: 'E-mail', type: 'email', required: true }],
      selects: [
        { key: 'select_partner', label: 'Source', options: [{ value: 'SELECT_PARTNER', label: 'Partner ABC' }] },
      ],
    },
    errors: [409],
    response: {
      status: 201,
      description: 'The new campaign.',
      schema: campaignViewSchema,
      example: campaignViewExample,
    },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createCampaignSchema)) body: CreateCampaignDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignView> {
    authorizeAdmin(principal, 'campaigns:write');
    const campaign = await this.campaigns.create(principal.account_id, body);
    response.setHeader('Location', `/v1/admin/campaigns/${campaign.id}`);
    return campaign;
  }

  @Get()
  @OperationDocs({
    operationId: 'listCampaigns',
    summary: 'List campaigns',
    description: 'Every campaign of the account with its schema.',
    scope: 'campaigns:read',
    response: {
      status: 200,
      description: 'The campaigns.',
      schema: campaignListSchema,
      example: { data: [campaignViewExample] },
    },
  })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: CampaignView[] }> {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: await this.campaigns.list(principal.account_id) };
  }

  @Get(':id')
  @OperationDocs({
    operationId: 'getCampaign',
    summary: 'Read a campaign',
    description: 'One campaign with its whole schema: fields, selects, statuses, relations and receiver settings.',
    scope: 'campaigns:read',
    response: { status: 200, description: 'The campaign.', schema: campaignViewSchema, example: campaignViewExample },
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CampaignView> {
    authorizeAdmin(principal, 'campaigns:read');
    return this.campaigns.get(principal, id);
  }

  @Patch(':id')
  @OperationDocs({
    operationId: 'renameCampaign',
    summary: 'Rename a campaign',
    description: 'Changes the campaign\u2019s name; its schema is changed through the schema piece endpoints.',
    scope: 'campaigns:write',
    body: updateCampaignSchema,
    bodyExample: { name: 'Heat pumps Denmark' },
    errors: [409],
    response: {
      status: 200,
      description: 'The renamed campaign.',
      schema: campaignViewSchema,
      example: campaignViewExample,
    },
  })
  rename(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateCampaignSchema)) body: UpdateCampaignDto,
  ): Promise<CampaignView> {
    authorizeAdmin(principal, 'campaigns:write');
    return this.campaigns.rename(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @OperationDocs({
    operationId: 'deleteCampaign',
    summary: 'Delete a campaign',
    description: 'Removes the campaign; its tokens stop seeing it.',
    scope: 'campaigns:write',
    errors: [409],
    response: { status: 204, description: 'Deleted.' },
  })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    authorizeAdmin(principal, 'campaigns:write');
    await this.campaigns.remove(principal, id);
  }
}
