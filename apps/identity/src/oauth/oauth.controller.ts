import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal } from '@leadgate/service-kit';
import type { Response } from 'express';
import { requireOperation } from '@identity/privilege/privilege-rule';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import {
  accessTokenResponseSchema,
  introspectionSchema,
  OAUTH_FORM_MEDIA_TYPES,
  revokeResponseSchema,
  tokenParamSchema,
  tokenRequestSchema,
} from './dto/oauth-forms';
import { presentsClientCredentials, readClientCredentials } from './client-authentication';
import { OAuthErrorFilter } from './oauth-error.filter';
import { OAuthError } from './oauth-error';
import { AccessTokenResponse, ACCESS_TOKEN_REVOKE_SCOPE, INTROSPECT_SCOPE, OAuthService } from './oauth.service';

const isAccountLevel = (principal: Principal) => principal.kind === 'account' || principal.kind === 'access';

type FormBody = Record<string, unknown>;

/** The OAuth2 endpoints. The gateway forwards them with an anonymous principal (or the caller's, for introspect). */
@Controller('oauth')
@UseGuards(InternalPrincipalGuard)
@UseFilters(OAuthErrorFilter)
export class OAuthController {
  constructor(private readonly oauth: OAuthService) {}

  @Post('token')
  @HttpCode(HttpStatus.OK)
  @OperationDocs({
    operationId: 'issueAccessToken',
    summary: 'Get an access token (client credentials)',
    description:
      'RFC 6749 §4.4: the client authenticates with HTTP Basic or `client_id`/`client_secret` in the form and gets a ' +
      'Bearer access token for its scope groups (or the narrower `scope` asked for). Errors are RFC 6749 JSON.',
    tag: 'oauth',
    auth: 'oauth-client',
    body: tokenRequestSchema,
    bodyMediaTypes: OAUTH_FORM_MEDIA_TYPES,
    bodyExample: { grant_type: 'client_credentials', scope: 'leads:read' },
    response: {
      status: 200,
      description: 'The access token.',
      schema: accessTokenResponseSchema,
      example: { access_token: 'lgt_...', token_type: 'Bearer', expires_in: 3600, scope: 'leads:read' },
    },
  })
  async token(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: FormBody | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessTokenResponse> {
    const form = body ?? {};
    const presented = readClientCredentials(authorization, form);
    if (form['grant_type'] !== 'client_credentials') {
      throw new OAuthError('unsupported_grant_type', 400, 'Only grant_type=client_credentials is supported.');
    }
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    return this.oauth.issueAccessToken(presented, form['scope']);
  }

  /**
   * A client revokes its own tokens (Basic or form authentication); an account-level caller (an
   * admin Bearer, authenticated by the gateway) revokes its account's access tokens through the
   * privilege rule.
   */
  @Post('revoke')
  @HttpCode(HttpStatus.OK)
  @OperationDocs({
    operationId: 'revokeAccessToken',
    summary: 'Revoke an access token',
    description:
      'RFC 7009: a client revokes its own tokens (HTTP Basic or form authentication), or an account admin with a ' +
      'Bearer token (`tokens:write`) revokes an access token of its account. Unknown tokens are not an error.',
    tag: 'oauth',
    auth: 'oauth-client-or-admin',
    body: tokenParamSchema,
    bodyMediaTypes: OAUTH_FORM_MEDIA_TYPES,
    bodyExample: { token: 'lgt_...' },
    response: { status: 200, description: 'Revoked (or never valid).', schema: revokeResponseSchema, example: {} },
  })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: FormBody | undefined,
  ) {
    const form = tokenForm(body);
    if (isAccountLevel(principal) && !presentsClientCredentials(authorization, form)) {
      requireOperation(principal, ACCESS_TOKEN_REVOKE_SCOPE);
      await this.oauth.revokeAsAdmin(principal, form['token']);
    } else {
      await this.oauth.revoke(readClientCredentials(authorization, form), form['token']);
    }
    return {};
  }

  /**
   * A client introspects the access tokens issued to itself (Basic or form authentication); an
   * account admin (an admin Bearer, authenticated by the gateway) any token of its account.
   */
  @Post('introspect')
  @HttpCode(HttpStatus.OK)
  @OperationDocs({
    operationId: 'introspectToken',
    summary: 'Inspect a token',
    description:
      'RFC 7662: a client inspects the access tokens issued to itself (HTTP Basic or form authentication; any other ' +
      'token is `active: false`), or an account admin with a Bearer token (`admin`) any token of its account: ' +
      'whether it is active, its scopes, campaign, filter and the filter\u2019s version (and, for a campaign token, ' +
      'its field access).',
    tag: 'oauth',
    auth: 'oauth-client-or-admin',
    body: tokenParamSchema,
    bodyMediaTypes: OAUTH_FORM_MEDIA_TYPES,
    bodyExample: { token: 'lgt_...' },
    response: {
      status: 200,
      description: 'What the token is, or `{ "active": false }`.',
      schema: introspectionSchema,
      example: {
        active: true,
        scope: 'leads:read',
        token_type: 'Bearer',
        sub: 'tok_4kq7Jc2mWb9xYt1R',
        kind: 'access',
        account_id: 'acc_2Hs8Kd0Wq5Pz',
        campaign_id: null,
        filter_id: null,
        client_id: 'lgc_7Lm2Qx9Vb4Nc',
        iat: 1746091800,
        exp: 1746095400,
      },
    },
  })
  async introspect(
    @CurrentPrincipal() principal: Principal,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: FormBody | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const form = tokenForm(body);
    // RFC 7662 §2.2: an answer about a token is not to be cached.
    response.setHeader('Cache-Control', 'no-store');
    if (isAccountLevel(principal) && !presentsClientCredentials(authorization, form)) {
      requireOperation(principal, INTROSPECT_SCOPE);
      return this.oauth.introspect(principal, form['token']);
    }
    return this.oauth.introspectAsClient(readClientCredentials(authorization, form), form['token']);
  }
}

/**
 * The body of revocation or introspection. A hint is ignored (RFC 7009 §2.1), but it is a string
 * where it is given: a JSON body with another type is a malformed request, as the OpenAPI says.
 */
function tokenForm(body: FormBody | undefined): FormBody {
  const form = body ?? {};
  if (form['token_type_hint'] !== undefined && typeof form['token_type_hint'] !== 'string') {
    throw new OAuthError('invalid_request', 400, 'token_type_hint must be a string.');
  }
  return form;
}
