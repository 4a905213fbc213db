import { CampaignSchemaStateV1, FieldAccess } from '@leadgate/contracts';

/** A lead field value as the API takes it (API.md §3 "Lead body"). */
export type FieldValue = string | number | boolean;

/** One campaign as a token may use it: the schema already narrowed by the token's filter. */
export interface CampaignDocs {
  /** `narrowSchema(schema, condition)` for a filtered token, the campaign schema otherwise. */
  schema: CampaignSchemaStateV1;
  /** `pinnedValues(condition)`: what a create fills in when the body leaves it out. */
  pinned: { select_field_values: Record<string, string>; status: string | null };
  /** Field values the filter fixes (top-level equalities), so the examples stay inside the filter. */
  fieldHints?: Record<string, FieldValue>;
  /** The filter's name, shown on the page; null without a filter. */
  filterName?: string | null;
  /**
   * The token's field access (API.md §13), null or absent for none: hidden fields are in no
   * document, masked ones are documented as masked, read-only ones are absent from writes.
   */
  fieldAccess?: FieldAccess | null;
}

/** Everything the documents of one token are built from. */
export interface TokenDocsInput {
  /** The token's name, shown as the title. */
  title: string;
  kind: 'campaign' | 'account';
  scopes: readonly string[];
  /** Where partners reach the API, e.g. `https://api.leadgate.dev` (no trailing slash needed). */
  baseUrl: string;
  campaigns: CampaignDocs[];
  /**
   * The requests a minute the gateway allows this token: its own limit, else its account's
   * default, else the platform's. Absent where the caller does not know it (the page then names no number).
   */
  rateLimitPerMinute?: number;
}

export interface LeadBodyExample {
  fields: Record<string, FieldValue>;
  select_field_values: Record<string, string>;
  status?: string;
  relations: Record<string, string>;
}

export type JsonSchema = Record<string, unknown>;

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}
