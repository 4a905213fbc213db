import { z } from 'zod';
import { TokenDocument } from './token.schema';
import { tokenViewSchema } from './token-view.schema';

/** The view's type is its zod schema's: what the admin OpenAPI documents is what the code returns. */
export type TokenView = z.infer<typeof tokenViewSchema>;

/**
 * What the admin API shows of a token: everything but its secret (or the secret's hash). The docs
 * link is secret-bearing (anyone holding it reads the token's documentation), so it is shown only
 * when `showDocsUrl` says the caller may see it (the privilege rule), else null.
 */
export function toTokenView(
  token: TokenDocument,
  publicBaseUrl: string,
  { showDocsUrl, now = new Date() }: { showDocsUrl: boolean; now?: Date },
): TokenView {
  const expired = token.expires_at !== null && Date.parse(token.expires_at) <= now.getTime();
  return {
    id: token._id,
    name: token.name,
    kind: token.kind,
    status: token.revoked_at ? 'revoked' : expired ? 'expired' : 'active',
    scopes: token.scopes,
    ...(token.permissions ? { permissions: token.permissions } : {}),
    campaign_id: token.campaign_id,
    filter_id: token.filter_id,
    // Campaign tokens made before field access read every field: an empty set, not null.
    field_access: token.kind === 'campaign' ? (token.field_access ?? { hidden: [], masked: [], read_only: [] }) : null,
    docs_url: showDocsUrl && token.docs_key ? `${publicBaseUrl.replace(/\/$/, '')}/docs/p/${token.docs_key}` : null,
    rate_limit_per_minute: token.rate_limit_per_minute,
    created_at: token.created_at,
    updated_at: token.updated_at,
    expires_at: token.expires_at,
    revoked_at: token.revoked_at,
    last_used_at: token.last_used_at,
    version: token.version,
  };
}
