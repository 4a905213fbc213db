import { Controller, Get, HttpStatus, Param, UseGuards } from '@nestjs/common';
import { FieldAccess } from '@leadgate/contracts';
import { visibleFields } from '@leadgate/field-access';
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
import { TokenStates } from '@campaigns/store/token-states';

const notFound = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such resource.');

/**
 * GET /v1/campaigns/{id}/schema: the campaign's schema as the calling token may use it (API.md §3).
 * A filter-scoped token sees pinned selects with their one allowed value and narrowed statuses; a
 * campaign token with field access (API.md §13) does not see its hidden fields at all, and each
 * field says how the token may use it (`access`: full, masked or read_only).
 */
@Controller('v1/campaigns/:campaignId/schema')
@UseGuards(InternalPrincipalGuard)
export class PartnerSchemaController {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly filters: FiltersRepository,
    private readonly tokens: TokenStates,
  ) {}

  @Get()
  async schema(@CurrentPrincipal() principal: Principal, @Param('campaignId') campaignId: string) {
    requireScope(principal, 'campaigns:read');
    if (principal.campaign_id !== null && principal.campaign_id !== campaignId) throw notFound();
    const campaign = await this.campaigns.findInAccount(principal.account_id, campaignId);
    if (!campaign) throw notFound();
    // Only campaign tokens are narrowed; people and account-level tokens see every field.
    const access = principal.kind === 'campaign' ? this.tokens.liveCaller(principal.token_id).field_access : null;
    const state = toCampaignState(campaign);
    if (principal.filter_id === null) return { ...view(state, access), filter: null };
    const filter = await this.filters.findInCampaign(principal.account_id, campaignId, principal.filter_id);
    // A token whose filter is gone sees nothing rather than everything: fail closed.
    if (!filter) throw notFound();
    return {
      ...view(narrowSchema(state, filter.condition), access),
      filter: { id: filter._id, name: filter.name, version: filter.version, pinned: pinnedValues(filter.condition) },
    };
  }
}

function view(schema: ReturnType<typeof toCampaignState>, access: FieldAccess | null) {
  return {
    campaign_id: schema.id,
    name: schema.name,
    version: schema.version,
    fields: visibleFields(schema.fields, access),
    selects: schema.selects,
    statuses: schema.statuses,
    relations: schema.relations,
  };
}
