import { Injectable, OnModuleInit } from '@nestjs/common';
import { CampaignSchemaStateV1, FilterStateV1, TokenStateV1, TOPICS } from '@leadgate/contracts';
import { FieldProjection } from '@leadgate/field-access';
import { LeadPredicate } from '@leadgate/filters';
import { ReadModels } from '@leadgate/kafka';
import { FRESH_COMPILERS, SliceCompilers, SliceState } from './slice-decision';

/** The read models could not confirm token, filter or schema state: decide nothing now, try again. */
export class SliceStateUnavailable extends Error {
  constructor() {
    super('token, filter or campaign state is not caught up');
    this.name = 'SliceStateUnavailable';
  }
}

/**
 * A token's slice as this replica knows it now, from the same read models the gateway and leads
 * decide with (so a revocation or a filter change reaches the dispatcher as fast as them). Filters
 * are compiled once per filter and campaign version, projections once per token and campaign version.
 */
@Injectable()
export class SliceReader implements OnModuleInit, SliceCompilers {
  private readonly predicates = new Map<string, { key: string; predicate: LeadPredicate }>();
  private readonly projections = new Map<string, { key: string; projection: FieldProjection }>();

  constructor(private readonly readModels: ReadModels) {}

  onModuleInit(): void {
    this.readModels.of(TOPICS.campaignFilters).onChange(({ key }) => this.predicates.delete(key));
    this.readModels.of(TOPICS.identityTokens).onChange(({ key }) => this.projections.delete(key));
  }

  /** Throws SliceStateUnavailable while any of the three read models is behind. */
  state(tokenId: string, campaignId: string, now: number): SliceState {
    this.requireFresh();
    const token = this.readModels.of(TOPICS.identityTokens).get(tokenId);
    const filterId = token?.filter_id ?? null;
    return {
      token,
      campaign: this.campaign(campaignId),
      filter: filterId === null ? undefined : this.readModels.of(TOPICS.campaignFilters).get(filterId),
      now,
    };
  }

  /** Throws SliceStateUnavailable while any of the three read models is behind. */
  requireFresh(): void {
    const stale = [TOPICS.identityTokens, TOPICS.campaignFilters, TOPICS.campaignSchemas].some(
      (topic) => !this.readModels.of(topic).fresh,
    );
    if (stale) throw new SliceStateUnavailable();
  }

  campaign(campaignId: string): CampaignSchemaStateV1 | undefined {
    return this.readModels.of(TOPICS.campaignSchemas).get(campaignId);
  }

  token(tokenId: string): TokenStateV1 | undefined {
    return this.readModels.of(TOPICS.identityTokens).get(tokenId);
  }

  predicate(filter: FilterStateV1, campaign: CampaignSchemaStateV1): LeadPredicate {
    const key = `${campaign.id}@${campaign.version}/${filter.version}`;
    const cached = this.predicates.get(filter.id);
    if (cached?.key === key) return cached.predicate;
    const predicate = FRESH_COMPILERS.predicate(filter, campaign);
    this.predicates.set(filter.id, { key, predicate });
    return predicate;
  }

  projection(campaign: CampaignSchemaStateV1, token: TokenStateV1): FieldProjection {
    const key = `${campaign.id}@${campaign.version}/${token.version}`;
    const cached = this.projections.get(token.id);
    if (cached?.key === key) return cached.projection;
    const projection = FRESH_COMPILERS.projection(campaign, token);
    this.projections.set(token.id, { key, projection });
    return projection;
  }
}
