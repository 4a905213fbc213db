import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { CampaignsService, CampaignView } from './campaigns.service';
import { CreateCampaignDto, createCampaignSchema } from './dto/create-campaign.dto';

@Controller('v1/admin/campaigns')
@UseGuards(InternalPrincipalGuard)
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createCampaignSchema)) body: CreateCampaignDto,
  ): Promise<CampaignView> {
    authorizeAdmin(principal, 'campaigns:write');
    return this.campaigns.create(principal.account_id, body);
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: CampaignView[] }> {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: await this.campaigns.list(principal.account_id) };
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CampaignView> {
    authorizeAdmin(principal, 'campaigns:read');
    return this.campaigns.get(principal.account_id, id);
  }
}
