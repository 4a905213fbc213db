import { HttpStatus, Injectable } from '@nestjs/common';
import { assertPayload, ContractViolationError, TOPICS } from '@leadgate/contracts';
import { fieldAccessKeys, fieldAccessProblems } from '@leadgate/field-access';
import { validateCondition } from '@leadgate/filters';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { CampaignDocument } from '@campaigns/store/campaign.schema';
import { CampaignStatePublisher } from '@campaigns/publishers/campaign-state.publisher';
import { CampaignChanges, CampaignsRepository } from '@campaigns/store/campaigns.repository';
import { CampaignView, toCampaignState, toCampaignView } from '@campaigns/store/campaign-view';
import { FiltersRepository } from '@campaigns/store/filters.repository';
import { namesOf, TokenStates } from '@campaigns/store/token-states';
import { SchemaChangeRefused } from './schema-pieces';

/**
 * The one way a campaign's schema changes: apply a pure change, refuse it if any filter of the
 * campaign would no longer fit the new schema (409 naming the filter), if a live token's field
 * access would no longer fit it (409 naming the tokens) or if the result breaks the state contract
 * (422), store it with the version guard, then publish the new state.
 */
@Injectable()
export class CampaignSchemaEditor {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly filters: FiltersRepository,
    private readonly statePublisher: CampaignStatePublisher,
    private readonly tokens: TokenStates,
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
      this.assertTokensStillFit(campaign, next);
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

  /**
   * A field removed that a live token's field access names, a field made required while hidden or
   * read-only for a token that writes, a masked field given a type that cannot be masked (API.md
   * §13): refused, naming the tokens, until their field access is changed or they are revoked.
   * Only what this change breaks counts, so a token that was already unfit does not block others.
   */
  private assertTokensStillFit(current: CampaignDocument, next: CampaignDocument): void {
    if (next.fields === current.fields || next.deleted_at) return;
    const unfit = this.tokens
      .live((token) => token.kind === 'campaign' && token.campaign_id === next._id)
      .filter((token) => token.account_id === next.account_id && fieldAccessKeys(token.field_access).length > 0)
      .map((token) => {
        const writes = token.permissions?.includes('write') ?? false;
        const before = new Set(
          fieldAccessProblems(token.field_access!, current.fields, writes).map((problem) => problem.message),
        );
        const problems = fieldAccessProblems(token.field_access!, next.fields, writes).filter(
          (problem) => !before.has(problem.message),
        );
        return { token, problems };
      })
      .filter(({ problems }) => problems.length > 0);
    if (unfit.length === 0) return;
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'used_by_token',
      'Used by a token',
      `The field access of live tokens would no longer fit this change: ${namesOf(unfit.map(({ token }) => token))}; ` +
        'change their field access or revoke them first.',
      unfit.flatMap(({ token, problems }) =>
        problems.map((problem) => ({ path: problem.path, message: `${token.name} (${token.id}): ${problem.message}` })),
      ),
    );
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
