import { HttpStatus, Injectable } from '@nestjs/common';
import { FilterStateV1 } from '@leadgate/contracts';
import { validateCondition } from '@leadgate/filters';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { randomBytes } from 'node:crypto';
import { CampaignDocument } from '@campaigns/store/campaign.schema';
import { toCampaignState } from '@campaigns/store/campaign-view';
import { CampaignsRepository } from '@campaigns/store/campaigns.repository';
import { CreateFilterBody, UpdateFilterBody } from './dto/filter-bodies';
import { FilterDocument } from '@campaigns/store/filter.schema';
import { FilterStatePublisher } from '@campaigns/publishers/filter-state.publisher';
import { toFilterState } from '@campaigns/store/filter-view';
import { FiltersRepository } from '@campaigns/store/filters.repository';
import { namesOf, TokenStates } from '@campaigns/store/token-states';

export type FilterView = FilterStateV1 & { created_at: string };

const notFound = (what: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', `No such ${what}.`);

/** Filters: named conditions on a campaign's leads, checked against its schema, versioned, published. */
@Injectable()
export class FiltersService {
  constructor(
    private readonly filters: FiltersRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly statePublisher: FilterStatePublisher,
    private readonly tokens: TokenStates,
  ) {}

  async create(principal: Principal, campaignId: string, body: CreateFilterBody): Promise<FilterView> {
    const campaign = await this.campaign(principal, campaignId);
    const now = new Date().toISOString();
    const filter: FilterDocument = {
      _id: `flt_${randomBytes(12).toString('base64url')}`,
      account_id: principal.account_id,
      campaign_id: campaign._id,
      name: body.name,
      condition: checkedCondition(body.condition, campaign),
      version: 1,
      publish_pending: true,
      deleted_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.filters.insert(filter);
    await this.statePublisher.publish(filter);
    return toView(filter);
  }

  async list(principal: Principal, campaignId: string): Promise<FilterView[]> {
    const campaign = await this.campaign(principal, campaignId);
    return (await this.filters.listInCampaign(campaign._id)).map(toView);
  }

  async get(principal: Principal, campaignId: string, id: string): Promise<FilterView> {
    return toView(await this.filter(principal, campaignId, id));
  }

  /** Every change gets a new version; the leads and docs read models pick it up from the state topic. */
  async update(principal: Principal, campaignId: string, id: string, body: UpdateFilterBody): Promise<FilterView> {
    const campaign = await this.campaign(principal, campaignId);
    const condition = body.condition === undefined ? undefined : checkedCondition(body.condition, campaign);
    return toView(
      await this.change(principal, campaignId, id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(condition !== undefined ? { condition } : {}),
      }),
    );
  }

  /** A filter that live tokens still use cannot be deleted: those partners would lose their scope. */
  async remove(principal: Principal, campaignId: string, id: string): Promise<void> {
    const filter = await this.filter(principal, campaignId, id);
    const users = this.tokens.live((token) => token.filter_id === filter._id);
    if (users.length > 0) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'filter_in_use',
        'Filter in use',
        `Live tokens use this filter: ${namesOf(users)}. Revoke them first.`,
      );
    }
    await this.change(principal, campaignId, id, { deleted_at: new Date().toISOString() });
  }

  private async change(
    principal: Principal,
    campaignId: string,
    id: string,
    changes: Parameters<FiltersRepository['update']>[2],
  ) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const filter = await this.filter(principal, campaignId, id);
      const updated = await this.filters.update(filter._id, filter.version, changes);
      if (!updated) continue;
      await this.statePublisher.publish(updated);
      return updated;
    }
    throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The filter is being changed; try again.');
  }

  private async campaign(principal: Principal, campaignId: string): Promise<CampaignDocument> {
    const campaign = await this.campaigns.findInAccount(principal.account_id, campaignId);
    if (!campaign) throw notFound('campaign');
    return campaign;
  }

  private async filter(principal: Principal, campaignId: string, id: string): Promise<FilterDocument> {
    const filter = await this.filters.findInCampaign(principal.account_id, campaignId, id);
    if (!filter) throw notFound('filter');
    return filter;
  }
}

function checkedCondition(condition: unknown, campaign: CampaignDocument) {
  const result = validateCondition(condition, toCampaignState(campaign));
  if (result.ok) return result.condition;
  throw new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'validation_failed',
    'Validation failed',
    'The filter condition does not fit this campaign; see errors.',
    result.errors,
  );
}

function toView(filter: FilterDocument): FilterView {
  return { ...toFilterState(filter), created_at: filter.created_at };
}
