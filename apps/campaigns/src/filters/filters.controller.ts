import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  authorizeAdmin,
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import {
  filterConditionExample,
  filterListSchema,
  filterViewExample,
  filterViewSchema,
} from '@campaigns/store/campaign-view.schema';

import { CreateFilterBody, createFilterSchema, UpdateFilterBody, updateFilterSchema } from './dto/filter-bodies';
import { FiltersService, FilterView } from './filters.service';

@Controller('v1/admin/campaigns/:campaignId/filters')
@UseGuards(InternalPrincipalGuard)
export class FiltersController {
  constructor(private readonly filters: FiltersService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @OperationDocs({
    operationId: 'createFilter',
    summary: 'Create a filter',
    description:
      'A named condition on the campaign\u2019s leads, what restricts a token to exactly those leads. A condition that ' +
      'names a select, option, status or field the campaign does not have is refused with 422.',
    scope: 'campaigns:write',
    body: createFilterSchema,
    bodyExample: { name: 'Partner ABC - API access', condition: filterConditionExample },
    response: { status: 201, description: 'The new filter.', schema: filterViewSchema, example: filterViewExample },
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Body(new ZodValidationPipe(createFilterSchema)) body: CreateFilterBody,
  ): Promise<FilterView> {
    authorizeAdmin(principal, 'campaigns:write');
    return this.filters.create(principal, campaignId, body);
  }

  @Get()
  @OperationDocs({
    operationId: 'listFilters',
    summary: 'List a campaign\u2019s filters',
    description: 'Every filter of the campaign.',
    scope: 'campaigns:read',
    response: {
      status: 200,
      description: 'The filters.',
      schema: filterListSchema,
      example: { data: [filterViewExample] },
    },
  })
  async list(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    authorizeAdmin(principal, 'campaigns:read');
    return { data: await this.filters.list(principal, campaignId) };
  }

  @Get(':filterId')
  @OperationDocs({
    operationId: 'getFilter',
    summary: 'Read a filter',
    description: 'One filter with its condition and version.',
    scope: 'campaigns:read',
    response: { status: 200, description: 'The filter.', schema: filterViewSchema, example: filterViewExample },
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('filterId') id: string,
  ) {
    authorizeAdmin(principal, 'campaigns:read');
    return this.filters.get(principal, campaignId, id);
  }

  @Patch(':filterId')
  @OperationDocs({
    operationId: 'updateFilter',
    summary: 'Change a filter',
    description: 'A new name or condition; every change gets a new version, which tokens restricted by it follow.',
    scope: 'campaigns:write',
    body: updateFilterSchema,
    bodyExample: { condition: filterConditionExample },
    errors: [409],
    response: { status: 200, description: 'The changed filter.', schema: filterViewSchema, example: filterViewExample },
  })
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
  @OperationDocs({
    operationId: 'deleteFilter',
    summary: 'Delete a filter',
    description: 'Removes the filter.',
    scope: 'campaigns:write',
    errors: [409],
    response: { status: 204, description: 'Deleted.' },
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('filterId') id: string,
  ) {
    authorizeAdmin(principal, 'campaigns:write');
    await this.filters.remove(principal, campaignId, id);
  }
}
