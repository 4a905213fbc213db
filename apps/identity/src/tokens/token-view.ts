import { TokenDocument } from './token.schema';

export interface TokenView {
  id: string;
  name: string;
  kind: TokenDocument['kind'];
  status: 'active' | 'revoked' | 'expired';
  scopes: string[];
  permissions?: ('read' | 'write')[];
  campaign_id: string | null;
  filter_id: string | null;
  docs_url: string | null;
  rate_limit_per_minute: number | null;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  version: number;
}

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
