import { Inject, Injectable } from '@nestjs/common';
import { CampaignSchemaStateV1, TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { IdentityConfig } from '@identity/config';

export type ReferenceProblem = { path: string; message: string };

export type CampaignFields = CampaignSchemaStateV1['fields'];

/**
 * Checks that a campaign token names a campaign of the caller's account and, optionally, a filter
 * of that campaign, using this service's read models. A campaign or filter made a moment ago may
 * not have arrived yet (read-your-writes across services), so an unknown id is waited for briefly
 * before it is refused.
 */
@Injectable()
export class CampaignReferences {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async problems(accountId: string, campaignId: string, filterId: string | null): Promise<ReferenceProblem[]> {
    const campaigns = this.readModels.of(TOPICS.campaignSchemas);
    const filters = this.readModels.of(TOPICS.campaignFilters);
    const campaign = await this.waitFor(() => campaigns.get(campaignId));
    if (!campaign || campaign.account_id !== accountId) {
      return [{ path: 'campaign_id', message: 'no such campaign in this account' }];
    }
    if (filterId === null) return [];
    const filter = await this.waitFor(() => filters.get(filterId));
    if (!filter || filter.account_id !== accountId) return [{ path: 'filter_id', message: 'no such filter' }];
    if (filter.campaign_id !== campaignId) {
      return [{ path: 'filter_id', message: 'the filter belongs to another campaign' }];
    }
    return [];
  }

  /**
   * The campaign's fields, to check a token's field access against (API.md §13); null when the
   * campaign is not one of this account. A field added a moment ago may not have arrived yet, so
   * the campaign is waited for briefly until it has every key the field access names.
   */
  async fieldsOf(accountId: string, campaignId: string, namedKeys: readonly string[]): Promise<CampaignFields | null> {
    const campaigns = this.readModels.of(TOPICS.campaignSchemas);
    const hasAll = (campaign: CampaignSchemaStateV1) =>
      namedKeys.every((key) => campaign.fields.some((field) => field.key === key));
    await this.waitFor(() => {
      const campaign = campaigns.get(campaignId);
      return campaign && hasAll(campaign) ? campaign : undefined;
    });
    const campaign = campaigns.get(campaignId);
    return campaign?.account_id === accountId ? campaign.fields : null;
  }

  /** The filter's version as this replica knows it now, or null when it is not a filter of this account. */
  filterVersion(accountId: string, filterId: string): number | null {
    const filter = this.readModels.of(TOPICS.campaignFilters).get(filterId);
    return filter?.account_id === accountId ? filter.version : null;
  }

  /** Is the campaign in this account, as far as this replica knows right now (no waiting)? */
  campaignInAccount(accountId: string, campaignId: string): boolean {
    return this.readModels.of(TOPICS.campaignSchemas).get(campaignId)?.account_id === accountId;
  }

  private async waitFor<T>(lookup: () => T | undefined): Promise<T | undefined> {
    const deadline = Date.now() + this.config.READ_YOUR_WRITES_WAIT_MS;
    for (;;) {
      const found = lookup();
      if (found !== undefined || Date.now() >= deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
