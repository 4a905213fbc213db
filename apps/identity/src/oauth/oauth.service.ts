import { Inject, Injectable } from '@nestjs/common';
import {
  checkPresentedSecret,
  narrowScopes,
  parseTokenString,
  scopesForGroups,
  splitScopeParam,
  tokenIdFor,
} from '@leadgate/auth-core';
import { NO_FIELD_ACCESS } from '@leadgate/field-access';
import { Principal, SERVICE_CONFIG } from '@leadgate/service-kit';
import { IdentityConfig } from '@identity/config';
import { requirePrivilege } from '@identity/privilege/privilege-rule';
import { CredentialsRepository } from '@identity/credentials/credentials.repository';
import { TokenIssuer } from '@identity/tokens/token-issuer';
import { TokenManagementService } from '@identity/tokens/token-management.service';
import { TokenDocument } from '@identity/tokens/token.schema';
import { TokensRepository } from '@identity/tokens/tokens.repository';
import { CampaignReferences } from '@identity/campaign-references/campaign-references';
import { ClientCredentialsPresented, invalidClient } from './client-authentication';
import { ClientAuthenticator } from './client-authenticator';
import { OAuthError } from './oauth-error';

export interface AccessTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** Revoking someone's access token with a Bearer is a token write. */
export const ACCESS_TOKEN_REVOKE_SCOPE = 'tokens:write';
/** Introspection with a Bearer is for account admins (the gateway asks the same); clients introspect their own. */
export const INTROSPECT_SCOPE = 'admin';

const INACTIVE = { active: false } as const;

/** RFC 6749 §4.4 client credentials, RFC 7009 revocation, RFC 7662 introspection. */
@Injectable()
export class OAuthService {
  constructor(
    private readonly clients: ClientAuthenticator,
    private readonly issuer: TokenIssuer,
    private readonly tokens: TokensRepository,
    private readonly management: TokenManagementService,
    private readonly credentials: CredentialsRepository,
    private readonly campaigns: CampaignReferences,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async issueAccessToken(presented: ClientCredentialsPresented, scopeParam: unknown): Promise<AccessTokenResponse> {
    if (scopeParam !== undefined && typeof scopeParam !== 'string') {
      throw new OAuthError('invalid_request', 400, 'scope must be a space-separated string.');
    }
    const credential = await this.clients.authenticate(presented);
    const allowed = scopesForGroups(credential.scope_groups);
    const requested = scopeParam === undefined ? undefined : splitScopeParam(scopeParam);
    const narrowed = narrowScopes(requested, allowed);
    if (!narrowed.ok) {
      throw new OAuthError('invalid_scope', 400, `Outside this client's scope groups: ${narrowed.invalid.join(' ')}.`);
    }
    const ttl = this.config.ACCESS_TOKEN_TTL_S;
    const { document, token } = await this.issuer.issue({
      account_id: credential.account_id,
      kind: 'access',
      name: `access token of ${credential.client_id}`,
      scopes: narrowed.scopes,
      permissions: null,
      campaign_id: null,
      filter_id: null,
      credential_id: credential._id,
      expires_at: new Date(Date.now() + ttl * 1000).toISOString(),
      rate_limit_per_minute: null,
      created_by: credential._id,
    });
    // A credential disabled while this token was being made may have swept its access tokens
    // before this one was stored: look again, so the new token cannot outlive the disable.
    const after = await this.credentials.findInAccount(credential.account_id, credential._id);
    if (!after?.enabled) {
      await this.management.revokeAccessToken(document);
      throw invalidClient(presented.viaBasic);
    }
    return { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: narrowed.scopes.join(' ') };
  }

  /** RFC 7009: a client revokes its own access token; unknown or foreign tokens are answered the same. */
  async revoke(presented: ClientCredentialsPresented, tokenParam: unknown): Promise<void> {
    const credential = await this.clients.authenticate(presented);
    if (typeof tokenParam !== 'string') throw new OAuthError('invalid_request', 400, 'token is required.');
    const parsed = parseTokenString(tokenParam);
    if (!parsed.ok || parsed.kind !== 'access_token') return;
    const token = await this.tokens.findById(tokenIdFor('access_token', parsed.publicId));
    if (token?.credential_id !== credential._id || token.revoked_at) return;
    await this.management.revokeAccessToken(token);
  }

  /**
   * RFC 7009 for an admin Bearer of the account: unknown tokens, tokens of other accounts and
   * tokens whose secret does not match are answered 200 and left alone, as the RFC says. An access
   * token of the account that the caller's scopes do not cover is refused (403
   * insufficient_scope) rather than silently kept: the admin must not believe it is dead.
   */
  async revokeAsAdmin(principal: Principal, tokenParam: unknown): Promise<void> {
    if (typeof tokenParam !== 'string') throw new OAuthError('invalid_request', 400, 'token is required.');
    const parsed = parseTokenString(tokenParam);
    if (!parsed.ok) return;
    if (parsed.kind !== 'access_token') {
      throw new OAuthError('unsupported_token_type', 400, 'Revoke API tokens with POST /v1/admin/tokens/{id}/revoke.');
    }
    const token = await this.tokens.findById(tokenIdFor('access_token', parsed.publicId));
    if (!token || token.account_id !== principal.account_id) return;
    if (checkPresentedSecret(token, parsed.secret, new Date()) === 'wrong_secret') return;
    requirePrivilege(principal, ACCESS_TOKEN_REVOKE_SCOPE, { what: 'this access token', scopes: token.scopes });
    await this.management.revokeAccessToken(token);
  }

  /** RFC 7662, for account admins: what a token of their account may do, or `active: false`. */
  async introspect(principal: Principal, tokenParam: unknown): Promise<Record<string, unknown>> {
    const token = await this.presentedToken(tokenParam);
    if (!token || token.account_id !== principal.account_id) return INACTIVE;
    requirePrivilege(principal, INTROSPECT_SCOPE, { what: 'this token', scopes: token.scopes });
    return this.describe(token);
  }

  /**
   * RFC 7662 for a client (API.md §5): it may introspect the access tokens issued to itself; any other
   * token — another client's, an API token, unknown — is `active: false`, so a client learns nothing
   * about tokens that are not its own. A wrong client secret is 401 invalid_client, as at /oauth/token.
   */
  async introspectAsClient(
    presented: ClientCredentialsPresented,
    tokenParam: unknown,
  ): Promise<Record<string, unknown>> {
    const credential = await this.clients.authenticate(presented);
    const token = await this.presentedToken(tokenParam);
    if (!token || token.credential_id !== credential._id) return INACTIVE;
    return this.describe(token);
  }

  /** The token the parameter names, when its secret matches; null for anything else. */
  private async presentedToken(tokenParam: unknown): Promise<TokenDocument | null> {
    if (typeof tokenParam !== 'string') throw new OAuthError('invalid_request', 400, 'token is required.');
    const parsed = parseTokenString(tokenParam);
    if (!parsed.ok || (parsed.kind !== 'api_token' && parsed.kind !== 'access_token')) return null;
    const token = await this.tokens.findById(tokenIdFor(parsed.kind, parsed.publicId));
    if (!token || checkPresentedSecret(token, parsed.secret, new Date()) !== 'ok') return null;
    return token;
  }

  /** The introspection answer for a live token: inactive once its credential is disabled. */
  private async describe(token: TokenDocument): Promise<Record<string, unknown>> {
    let clientId: string | undefined;
    if (token.credential_id) {
      const credential = await this.credentials.findInAccount(token.account_id, token.credential_id);
      if (!credential?.enabled) return INACTIVE;
      clientId = credential.client_id;
    }
    const filterVersion = token.filter_id ? this.campaigns.filterVersion(token.account_id, token.filter_id) : null;
    return {
      active: true,
      scope: token.scopes.join(' '),
      token_type: 'Bearer',
      sub: token._id,
      kind: token.kind,
      account_id: token.account_id,
      campaign_id: token.campaign_id,
      filter_id: token.filter_id,
      // The version of the filter as this replica knows it now (API.md §5); absent while unknown.
      ...(filterVersion !== null ? { filter_version: filterVersion } : {}),
      // Campaign tokens made before field access read every field: an empty set (API.md §13).
      ...(token.kind === 'campaign' ? { field_access: token.field_access ?? NO_FIELD_ACCESS } : {}),
      ...(clientId ? { client_id: clientId } : {}),
      iat: Math.floor(Date.parse(token.created_at) / 1000),
      ...(token.expires_at ? { exp: Math.floor(Date.parse(token.expires_at) / 1000) } : {}),
    };
  }
}
