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
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: CampaignView[] }> {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: await this.campaigns.list(principal.account_id) };
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CampaignView> {
    authorizeAdmin(principal, 'campaigns:read');
    return this.campaigns.get(principal, id);
  }

  @Patch(':id')
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
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    authorizeAdmin(principal, 'campaigns:write');
    await this.campaigns.remove(principal, id);
  }
}
