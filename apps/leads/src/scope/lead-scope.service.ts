import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { CampaignSchemaStateV1, FilterStateV1, TOPICS } from '@leadgate/contracts';
import { compileToMongo, pinnedValues, toPredicate } from '@leadgate/filters';
import { ReadModels } from '@leadgate/kafka';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { isLiveToken } from './live-token';

export interface CompiledFilter {
  /** Mongo query that selects exactly the leads the filter lets the token see. */
  query: Record<string, unknown>;
  matches: (lead: Record<string, unknown>) => boolean;
  pinned: ReturnType<typeof pinnedValues>;
}

export interface LeadScope {
  campaign: CampaignSchemaStateV1;
  filter: FilterStateV1 | null;
  compiled: CompiledFilter | null;
}

const notFound = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such resource.');

/**
 * What a caller may touch in a campaign, from this replica's read models: the campaign (of the
 * caller's account), the caller's token as the platform knows it now, and its filter compiled once
 * per filter and campaign version. A change to a filter, a campaign or a token drops what was
 * cached for it the moment the change arrives, so the next request uses the new state.
 */
@Injectable()
export class LeadScopeService implements OnModuleInit {
  private readonly compiledFilters = new Map<string, { key: string; compiled: CompiledFilter }>();

  constructor(private readonly readModels: ReadModels) {}

  onModuleInit(): void {
    this.readModels.of(TOPICS.campaignFilters).onChange(({ key }) => this.compiledFilters.delete(key));
    this.readModels.of(TOPICS.campaignSchemas).onChange(({ key }) => {
      for (const [filterId, entry] of this.compiledFilters)
        if (entry.key.startsWith(`${key}@`)) this.compiledFilters.delete(filterId);
    });
  }

  resolve(principal: Principal, campaignId: string): LeadScope {
    this.requireFreshState();
    // A person (console session, reads only: the gateway's sessionMayCall) was checked by the gateway.
    if (principal.kind !== 'user') this.requireLiveToken(principal);
    if (principal.campaign_id !== null && principal.campaign_id !== campaignId) throw notFound();
    const campaign = this.readModels.of(TOPICS.campaignSchemas).get(campaignId);
    if (!campaign || campaign.account_id !== principal.account_id) throw notFound();
    if (principal.filter_id === null) return { campaign, filter: null, compiled: null };
    const filter = this.readModels.of(TOPICS.campaignFilters).get(principal.filter_id);
    // A token whose filter is gone, or moved to another campaign, sees nothing: fail closed.
    if (!filter || filter.campaign_id !== campaignId) throw notFound();
    return { campaign, filter, compiled: this.compiled(campaign, filter) };
  }

  /**
   * A campaign of the admin caller's account (404 for any other). A person's console session was
   * checked by the gateway against session state this service does not keep; a token is checked
   * again here, like on the partner routes.
   */
  adminCampaign(principal: Principal, campaignId: string): CampaignSchemaStateV1 {
    this.requireFreshState();
    if (principal.kind !== 'user') this.requireLiveToken(principal);
    const campaign = this.readModels.of(TOPICS.campaignSchemas).get(campaignId);
    if (!campaign || campaign.account_id !== principal.account_id) throw notFound();
    return campaign;
  }

  /** A filter of the campaign compiled once per filter and campaign version: what partner reads decide with. */
  compiled(campaign: CampaignSchemaStateV1, filter: FilterStateV1): CompiledFilter {
    const key = `${campaign.id}@${campaign.version}/${filter.version}`;
    const cached = this.compiledFilters.get(filter.id);
    if (cached?.key === key) return cached.compiled;
    const compiled: CompiledFilter = {
      query: compileToMongo(filter.condition, campaign),
      matches: toPredicate(filter.condition, campaign),
      pinned: pinnedValues(filter.condition),
    };
    this.compiledFilters.set(filter.id, { key, compiled });
    return compiled;
  }

  /** A campaign from this replica's read model, whatever its account (the receiver has no caller account). */
  campaign(campaignId: string): CampaignSchemaStateV1 | undefined {
    this.requireFreshState();
    return this.readModels.of(TOPICS.campaignSchemas).get(campaignId);
  }

  /** Is this token, as this replica knows it now, neither revoked nor expired? */
  isLiveToken(tokenId: string): boolean {
    const token = this.readModels.of(TOPICS.identityTokens).get(tokenId);
    return !!token && isLiveToken(token, Date.now());
  }

  /** The gateway checked the token; the lead service checks again with its own copy (revocations included). */
  private requireLiveToken(principal: Principal): void {
    if (principal.kind === 'anonymous' || principal.kind === 'service') return;
    if (!this.isLiveToken(principal.token_id)) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'invalid_token',
        'Invalid token',
        'The token is not valid.',
        undefined,
        {
          'WWW-Authenticate': 'Bearer realm="leadgate", error="invalid_token"',
        },
      );
    }
  }

  private requireFreshState(): void {
    const stale = [TOPICS.campaignSchemas, TOPICS.campaignFilters, TOPICS.identityTokens].some(
      (topic) => !this.readModels.of(topic).fresh,
    );
    if (stale) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'scope_unavailable',
        'Scope unavailable',
        'The lead service cannot confirm campaign, filter or token state right now; try again shortly.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
  }
}
