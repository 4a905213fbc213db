import { Injectable } from '@nestjs/common';
import { CampaignSchemaStateV1, FilterStateV1, TOPICS } from '@leadgate/contracts';
import { InvalidFilterError } from '@leadgate/filters';
import { ReadModels } from '@leadgate/kafka';
import { Principal } from '@leadgate/service-kit';
import { leadNotFound } from '@leads/leads/lead-reads.service';
import { LeadScopeService } from '@leads/scope/lead-scope.service';
import { LeadDocument } from '@leads/store/lead.schema';
import { filterable } from '@leads/store/lead-view';
import { LeadsRepository } from '@leads/store/leads.repository';
import { LeadAccessView } from './access-insight-view.schema';
import { leadReaders } from './token-readers';

/**
 * Who can read one lead now (API.md §14), from this replica's token and filter state, with each
 * filter decided by the same compiled predicate partner reads use.
 */
@Injectable()
export class LeadAccessService {
  constructor(
    private readonly scopes: LeadScopeService,
    private readonly leads: LeadsRepository,
    private readonly readModels: ReadModels,
  ) {}

  async readersOf(principal: Principal, campaignId: string, leadId: string): Promise<LeadAccessView> {
    const campaign = this.scopes.adminCampaign(principal, campaignId);
    const lead = await this.leads.findInCampaign(campaign.id, leadId);
    if (!lead || lead.account_id !== campaign.account_id) throw leadNotFound();
    const tokens = leadReaders(this.readModels.of(TOPICS.identityTokens).values(), {
      accountId: campaign.account_id,
      campaignId: campaign.id,
      now: Date.now(),
      filterAdmits: this.filterAdmits(campaign, lead),
    });
    // No webhooks service yet (API.md §12): it will add the subscriptions of these tokens.
    return { tokens, webhooks: [] };
  }

  /** Per filter, once: does it admit the lead? A filter gone or of another campaign admits nothing (fail closed). */
  private filterAdmits(campaign: CampaignSchemaStateV1, lead: LeadDocument): (filterId: string) => boolean {
    const decided = new Map<string, boolean>();
    const filters = this.readModels.of(TOPICS.campaignFilters);
    return (filterId) => {
      let admits = decided.get(filterId);
      if (admits === undefined) {
        const filter = filters.get(filterId);
        admits = !!filter && filter.campaign_id === campaign.id && this.admits(campaign, filter, lead);
        decided.set(filterId, admits);
      }
      return admits;
    };
  }

  private admits(campaign: CampaignSchemaStateV1, filter: FilterStateV1, lead: LeadDocument) {
    try {
      return this.scopes.compiled(campaign, filter).matches(filterable(lead));
    } catch (error) {
      // A filter that no longer fits the schema lets its tokens read nothing: their reads fail.
      if (error instanceof InvalidFilterError) return false;
      throw error;
    }
  }
}
