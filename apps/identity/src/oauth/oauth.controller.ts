import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal } from '@leadgate/service-kit';
import type { Response } from 'express';
import { requireOperation } from '@identity/privilege/privilege-rule';
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
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: FormBody | undefined,
  ) {
    const form = body ?? {};
    if (isAccountLevel(principal) && !presentsClientCredentials(authorization, form)) {
      requireOperation(principal, ACCESS_TOKEN_REVOKE_SCOPE);
      await this.oauth.revokeAsAdmin(principal, form['token']);
    } else {
      await this.oauth.revoke(readClientCredentials(authorization, form), form['token']);
    }
    return {};
  }

  @Post('introspect')
  @HttpCode(HttpStatus.OK)
  introspect(@CurrentPrincipal() principal: Principal, @Body() body: FormBody | undefined) {
    requireOperation(principal, INTROSPECT_SCOPE);
    return this.oauth.introspect(principal, (body ?? {})['token']);
  }
}
