import { Inject, Injectable } from '@nestjs/common';
import { CampaignDocs, fieldHints, TokenDocsInput } from '@leadgate/api-docs';
import { CampaignSchemaStateV1, TokenStateV1, TOPICS } from '@leadgate/contracts';
import { narrowSchema, pinnedValues } from '@leadgate/filters';
import { ReadModels } from '@leadgate/kafka';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { DocsConfig } from '@docs/config';
import { DocsKeyIndex } from './docs-key-index';
import { tokenRateLimit } from './token-rate-limit';

/**
 * What a docs key documents, from the read models at the moment of the request: the token's
 * campaign narrowed by its filter, or every campaign of the account for an account-level token.
 * Null (404) when the key is unknown, the token is revoked or expired, or its campaign or filter is gone.
 */
@Injectable()
export class TokenDocsService {
  constructor(
    private readonly index: DocsKeyIndex,
    private readonly readModels: ReadModels,
    @Inject(SERVICE_CONFIG) private readonly config: DocsConfig,
  ) {}

  resolve(docsKey: string, now = Date.now()): TokenDocsInput | null {
    const token = this.index.find(docsKey, now);
    if (!token || token.revoked_at !== null) return null;
    if (token.expires_at !== null && Date.parse(token.expires_at) <= now) return null;
    if (token.kind === 'access') return null;
    const campaigns = token.kind === 'campaign' ? this.campaignOf(token) : this.campaignsOfAccount(token);
    if (!campaigns) return null;
    return {
      title: token.name,
      kind: token.kind,
      scopes: token.scopes,
      baseUrl: this.config.PUBLIC_BASE_URL,
      campaigns,
      rateLimitPerMinute: tokenRateLimit(
        token,
        this.readModels.of(TOPICS.identityAccounts).get(token.account_id),
        this.config.RATE_LIMIT_PER_MINUTE,
      ),
    };
  }

  private campaignOf(token: TokenStateV1): CampaignDocs[] | null {
    const schema = token.campaign_id ? this.readModels.of(TOPICS.campaignSchemas).get(token.campaign_id) : undefined;
    if (!schema || schema.account_id !== token.account_id) return null;
    // The token's field access goes with its campaign: hidden fields are in none of its documents.
    const fieldAccess = token.field_access ?? null;
    if (token.filter_id === null) return [{ ...unfiltered(schema), fieldAccess }];
    const filter = this.readModels.of(TOPICS.campaignFilters).get(token.filter_id);
    // A token whose filter is gone documents nothing rather than everything: fail closed.
    if (!filter || filter.campaign_id !== schema.id || filter.account_id !== token.account_id) return null;
    return [
      {
        schema: narrowSchema(schema, filter.condition),
        pinned: pinnedValues(filter.condition),
        fieldHints: fieldHints(filter.condition),
        filterName: filter.name,
        fieldAccess,
      },
    ];
  }

  private campaignsOfAccount(token: TokenStateV1): CampaignDocs[] {
    return this.readModels
      .of(TOPICS.campaignSchemas)
      .values()
      .filter((schema) => schema.account_id === token.account_id)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map(unfiltered);
  }
}

function unfiltered(schema: CampaignSchemaStateV1): CampaignDocs {
  return {
    schema,
    pinned: { select_field_values: {}, status: null },
    fieldHints: {},
    filterName: null,
    fieldAccess: null,
  };
}
