import { Controller, Get, HttpStatus, Param, UseGuards } from '@nestjs/common';
import { narrowSchema, pinnedValues } from '@leadgate/filters';
import {
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ProblemException,
  requireScope,
} from '@leadgate/service-kit';
import { toCampaignState } from '@campaigns/store/campaign-view';
import { CampaignsRepository } from '@campaigns/store/campaigns.repository';
import { FiltersRepository } from '@campaigns/store/filters.repository';

const notFound = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such resource.');

/**
 * GET /v1/campaigns/{id}/schema: the campaign's schema as the calling token may use it (API.md §3).
 * A filter-scoped token sees pinned selects with their one allowed value and narrowed statuses.
 */
@Controller('v1/campaigns/:campaignId/schema')
@UseGuards(InternalPrincipalGuard)
export class PartnerSchemaController {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly filters: FiltersRepository,
  ) {}

  @Get()
  async schema(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    requireScope(principal, 'campaigns:read');
    if (principal.campaign_id !== null && principal.campaign_id !== campaignId) throw notFound();
    const campaign = await this.campaigns.findInAccount(principal.account_id, campaignId);
    if (!campaign) throw notFound();
    const state = toCampaignState(campaign);
    if (principal.filter_id === null) return { ...view(state), filter: null };
    const filter = await this.filters.findInCampaign(principal.account_id, campaignId, principal.filter_id);
    // A token whose filter is gone sees nothing rather than everything: fail closed.
    if (!filter) throw notFound();
    return {
      ...view(narrowSchema(state, filter.condition)),
      filter: { id: filter._id, name: filter.name, version: filter.version, pinned: pinnedValues(filter.condition) },
    };
  }
}

function view(schema: ReturnType<typeof toCampaignState>) {
  return {
    campaign_id: schema.id,
    name: schema.name,
    version: schema.version,
    fields: schema.fields,
    selects: schema.selects,
    statuses: schema.statuses,
    relations: schema.relations,
  };
}
