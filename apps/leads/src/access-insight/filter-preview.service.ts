import { HttpStatus, Injectable } from '@nestjs/common';
import { CampaignSchemaStateV1, FilterCondition, FilterStateV1, TOPICS } from '@leadgate/contracts';
import { compileToMongo, conditionDifference, validateCondition } from '@leadgate/filters';
import { ReadModels } from '@leadgate/kafka';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { LeadScopeService } from '@leads/scope/lead-scope.service';
import { LeadsRepository } from '@leads/store/leads.repository';
import { FilterPreviewBody, FilterPreviewView, PREVIEW_SAMPLE_SIZE } from './access-insight-view.schema';
import { tokensOnFilter } from './token-readers';

/**
 * What a filter condition would select (API.md §14), counted by the database with the query lists
 * use, and for an existing filter what each live token on it would gain and lose if the condition
 * replaced it. Reads only: nothing is stored, published or audited.
 */
@Injectable()
export class FilterPreviewService {
  constructor(
    private readonly scopes: LeadScopeService,
    private readonly leads: LeadsRepository,
    private readonly readModels: ReadModels,
  ) {}

  async preview(principal: Principal, campaignId: string, body: FilterPreviewBody): Promise<FilterPreviewView> {
    const campaign = this.scopes.adminCampaign(principal, campaignId);
    const current = body.filter_id === undefined ? null : this.filterOf(campaign, body.filter_id);
    const condition = checkedCondition(body.condition, campaign);
    const count = (query: Record<string, unknown>) => this.leads.countMatching(campaign.account_id, campaign.id, query);
    const query = compileToMongo(condition, campaign);
    const [matching, sample] = await Promise.all([
      count(query),
      this.leads.idsMatching(campaign.account_id, campaign.id, query, PREVIEW_SAMPLE_SIZE),
    ]);
    const where = { accountId: campaign.account_id, campaignId: campaign.id, now: Date.now() };
    const tokens = current ? tokensOnFilter(this.readModels.of(TOPICS.identityTokens).values(), current.id, where) : [];
    if (!current || tokens.length === 0) return { matching, sample, tokens: [] };
    // Every token on the filter sees the same leads, so one pair of counts serves them all.
    const [gains, loses] = await Promise.all([
      count(conditionDifference(condition, current.condition, campaign).query),
      count(conditionDifference(current.condition, condition, campaign).query),
    ]);
    return { matching, sample, tokens: tokens.map((token) => ({ ...token, gains, loses })) };
  }

  /** A filter of this campaign; another campaign's (or account's) is as unknown as a made-up id. */
  private filterOf(campaign: CampaignSchemaStateV1, filterId: string): FilterStateV1 {
    const filter = this.readModels.of(TOPICS.campaignFilters).get(filterId);
    if (!filter || filter.campaign_id !== campaign.id || filter.account_id !== campaign.account_id) {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such filter.');
    }
    return filter;
  }
}

/** Checked as the campaigns service checks a filter being saved: the same 422 with one error per bad leaf. */
function checkedCondition(condition: unknown, campaign: CampaignSchemaStateV1): FilterCondition {
  const result = validateCondition(condition, campaign);
  if (result.ok) return result.condition;
  throw new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'validation_failed',
    'Validation failed',
    'The filter condition does not fit this campaign; see errors.',
    result.errors,
  );
}
