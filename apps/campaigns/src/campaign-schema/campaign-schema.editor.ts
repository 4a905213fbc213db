import { HttpStatus, Injectable } from '@nestjs/common';
import { assertPayload, ContractViolationError, TOPICS } from '@leadgate/contracts';
import { validateCondition } from '@leadgate/filters';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { CampaignDocument } from '@campaigns/store/campaign.schema';
import { CampaignStatePublisher } from '@campaigns/publishers/campaign-state.publisher';
import { CampaignChanges, CampaignsRepository } from '@campaigns/store/campaigns.repository';
import { CampaignView, toCampaignState, toCampaignView } from '@campaigns/store/campaign-view';
import { FiltersRepository } from '@campaigns/store/filters.repository';
import { SchemaChangeRefused } from './schema-pieces';

/**
 * The one way a campaign's schema changes: apply a pure change, refuse it if any filter of the
 * campaign would no longer fit the new schema (409 naming the filter) or if the result breaks the
 * state contract (422), store it with the version guard, then publish the new state.
 */
@Injectable()
export class CampaignSchemaEditor {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly filters: FiltersRepository,
    private readonly statePublisher: CampaignStatePublisher,
  ) {}

  async edit(
    principal: Principal,
    campaignId: string,
    change: (campaign: CampaignDocument) => CampaignChanges,
  ): Promise<CampaignView> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const campaign = await this.find(principal, campaignId);
      const changes = applyChange(campaign, change);
      const next: CampaignDocument = { ...campaign, ...changes };
      assertStateContract(next);
      await this.assertFiltersStillFit(next);
      const updated = await this.campaigns.update(campaign._id, campaign.version, changes);
      if (!updated) continue;
      await this.statePublisher.publish(updated);
      return toCampaignView(updated);
    }
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'conflict',
      'Conflict',
      'The campaign is being changed; try again.',
    );
  }

  async find(principal: Principal, campaignId: string): Promise<CampaignDocument> {
    const campaign = await this.campaigns.findInAccount(principal.account_id, campaignId);
    if (!campaign) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such campaign.');
    return campaign;
  }

  private async assertFiltersStillFit(next: CampaignDocument): Promise<void> {
    const schema = toCampaignState(next);
    for (const filter of await this.filters.listInCampaign(next._id)) {
      const result = validateCondition(filter.condition, schema);
      if (!result.ok) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'used_by_filter',
          'Used by a filter',
          `Filter "${filter.name}" (${filter._id}) uses what this change removes; change the filter first.`,
          result.errors,
        );
      }
    }
  }
}

function applyChange(campaign: CampaignDocument, change: (campaign: CampaignDocument) => CampaignChanges) {
  try {
    return change(campaign);
  } catch (error) {
    if (!(error instanceof SchemaChangeRefused)) throw error;
    const [type, title] =
      error.status === 404
        ? ['not_found', 'Not found']
        : error.status === 409
          ? ['conflict', 'Conflict']
          : ['validation_failed', 'Validation failed'];
    throw new ProblemException(
      error.status,
      type,
      title,
      error.message,
      error.path ? [{ path: error.path, message: error.message }] : undefined,
    );
  }
}

function assertStateContract(next: CampaignDocument): void {
  try {
    assertPayload(TOPICS.campaignSchemas, toCampaignState(next));
  } catch (error) {
    if (!(error instanceof ContractViolationError)) throw error;
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'validation_failed',
      'Validation failed',
      'The campaign would not be valid after this change.',
      error.issues.map((issue) => ({ path: issue.split(':')[0] ?? '', message: issue })),
    );
  }
}
