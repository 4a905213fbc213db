import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import {
  CampaignSchemaStateV1,
  FieldAccess,
  FilterStateV1,
  isLiveToken,
  TokenStateV1,
  TOPICS,
} from '@leadgate/contracts';
import { FieldProjection, fieldProjection, isNarrowing } from '@leadgate/field-access';
import { compileToMongo, pinnedValues, toPredicate } from '@leadgate/filters';
import { ReadModels } from '@leadgate/kafka';
import { invalidTokenProblem, Principal, ProblemException } from '@leadgate/service-kit';

export interface CompiledFilter {
  /** Mongo query that selects exactly the leads the filter lets the token see. */
  query: Record<string, unknown>;
  matches: (lead: Record<string, unknown>) => boolean;
  pinned: ReturnType<typeof pinnedValues>;
}

/** What a caller sees of each lead's fields (API.md §13): a campaign token's field access, prepared. */
export interface FieldScope {
  /** The token's field access, or null when nothing narrows it (every principal but a narrowed campaign token). */
  access: FieldAccess | null;
  /** Every lead this caller reads leaves through it: hidden fields dropped, masked ones masked. */
  projection: FieldProjection;
}

export interface LeadScope extends FieldScope {
  campaign: CampaignSchemaStateV1;
  filter: FilterStateV1 | null;
  compiled: CompiledFilter | null;
}

const NO_NARROWING: FieldScope = Object.freeze({ access: null, projection: fieldProjection([], null) });

/** A campaign as a caller without filter or field access touches it (the receiver, a quarantine release). */
export function unnarrowedScope(campaign: CampaignSchemaStateV1): LeadScope {
  return { campaign, filter: null, compiled: null, ...NO_NARROWING };
}

const notFound = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such resource.');

/**
 * What a caller may touch in a campaign, from this replica's read models: the campaign (of the
 * caller's account), the caller's token as the platform knows it now, and its filter compiled once
 * per filter and campaign version, and its field access prepared once per token and campaign
 * version. A change to a filter, a campaign or a token drops what was cached for it the moment the
 * change arrives, so the next request uses the new state.
 */
@Injectable()
export class LeadScopeService implements OnModuleInit {
  private readonly compiledFilters = new Map<string, { key: string; compiled: CompiledFilter }>();
  private readonly fieldScopes = new Map<string, { key: string; scope: FieldScope }>();

  constructor(private readonly readModels: ReadModels) {}

  onModuleInit(): void {
    this.readModels.of(TOPICS.campaignFilters).onChange(({ key }) => this.compiledFilters.delete(key));
    this.readModels.of(TOPICS.identityTokens).onChange(({ key }) => this.fieldScopes.delete(key));
    this.readModels.of(TOPICS.campaignSchemas).onChange(({ key }) => {
      for (const [filterId, entry] of this.compiledFilters)
        if (entry.key.startsWith(`${key}@`)) this.compiledFilters.delete(filterId);
      for (const [tokenId, entry] of this.fieldScopes)
        if (entry.key.startsWith(`${key}@`)) this.fieldScopes.delete(tokenId);
    });
  }

  resolve(principal: Principal, campaignId: string): LeadScope {
    this.requireFreshState();
    // A person (console session, reads only: the gateway's sessionMayCall) was checked by the gateway.
    const token = principal.kind === 'user' ? null : this.requireLiveToken(principal);
    if (principal.campaign_id !== null && principal.campaign_id !== campaignId) throw notFound();
    const campaign = this.readModels.of(TOPICS.campaignSchemas).get(campaignId);
    if (!campaign || campaign.account_id !== principal.account_id) throw notFound();
    const fields = principal.kind === 'campaign' && token ? this.fieldScope(campaign, token) : NO_NARROWING;
    if (principal.filter_id === null) return { campaign, filter: null, compiled: null, ...fields };
    const filter = this.readModels.of(TOPICS.campaignFilters).get(principal.filter_id);
    // A token whose filter is gone, or moved to another campaign, sees nothing: fail closed.
    if (!filter || filter.campaign_id !== campaignId) throw notFound();
    return { campaign, filter, compiled: this.compiled(campaign, filter), ...fields };
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

  /** A campaign token's field access prepared against the campaign's field types, once per token and campaign version. */
  private fieldScope(campaign: CampaignSchemaStateV1, token: TokenStateV1): FieldScope {
    if (!isNarrowing(token.field_access)) return NO_NARROWING;
    const key = `${campaign.id}@${campaign.version}/${token.version}`;
    const cached = this.fieldScopes.get(token.id);
    if (cached?.key === key) return cached.scope;
    const scope: FieldScope = {
      access: token.field_access,
      projection: fieldProjection(campaign.fields, token.field_access),
    };
    this.fieldScopes.set(token.id, { key, scope });
    return scope;
  }

  /** A campaign from this replica's read model, whatever its account (the receiver has no caller account). */
  campaign(campaignId: string): CampaignSchemaStateV1 | undefined {
    this.requireFreshState();
    return this.readModels.of(TOPICS.campaignSchemas).get(campaignId);
  }

  /** Is this token, as this replica knows it now, neither revoked nor expired? */
  isLiveToken(tokenId: string): boolean {
    return this.liveToken(tokenId) !== null;
  }

  private liveToken(tokenId: string): TokenStateV1 | null {
    const token = this.readModels.of(TOPICS.identityTokens).get(tokenId);
    return token && isLiveToken(token, Date.now()) ? token : null;
  }

  /**
   * The gateway checked the token; the lead service checks again with its own copy (revocations
   * included) and answers that copy, whose field access is the one this request reads through.
   */
  private requireLiveToken(principal: Principal): TokenStateV1 | null {
    if (principal.kind === 'anonymous' || principal.kind === 'service') return null;
    const token = this.liveToken(principal.token_id);
    if (!token) throw invalidTokenProblem();
    return token;
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
