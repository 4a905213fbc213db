import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { CreateFilterBody, createFilterSchema, UpdateFilterBody, updateFilterSchema } from './dto/filter-bodies';
import { FiltersService, FilterView } from './filters.service';

@Controller('v1/admin/campaigns/:campaignId/filters')
@UseGuards(InternalPrincipalGuard)
export class FiltersController {
  constructor(private readonly filters: FiltersService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(createFilterSchema)) body: CreateFilterBody,
  ): Promise<FilterView> {
    authorizeAdmin(principal, 'campaigns:write');
    return this.filters.create(principal, campaignId, body);
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: await this.filters.list(principal, campaignId) };
  }

  @Get(':filterId')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('filterId') id: string,
  ) {
    authorizeAdmin(principal, 'campaigns:read');
    return this.filters.get(principal, campaignId, id);
  }

  @Patch(':filterId')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('filterId') id: string,
    @Body(new ZodValidationPipe(updateFilterSchema)) body: UpdateFilterBody,
  ): Promise<FilterView> {
    authorizeAdmin(principal, 'campaigns:write');
    return this.filters.update(principal, campaignId, id, body);
  }

  @Delete(':filterId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('filterId') id: string,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    await this.filters.remove(principal, campaignId, id);
  }
}
