import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { authorizeAdmin, CurrentPrincipal, InternalPrincipalGuard, Principal } from '@leadgate/service-kit';
import type { Response } from 'express';
import { readClientCredentials } from './client-authentication';
import { OAuthErrorFilter } from './oauth-error.filter';
import { OAuthError } from './oauth-error';
import { AccessTokenResponse, OAuthService } from './oauth.service';

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

  @Post('revoke')
  @HttpCode(HttpStatus.OK)
  async revoke(@Headers('authorization') authorization: string | undefined, @Body() body: FormBody | undefined) {
    const form = body ?? {};
    await this.oauth.revoke(readClientCredentials(authorization, form), form['token']);
    return {};
  }

  @Post('introspect')
  @HttpCode(HttpStatus.OK)
  introspect(@CurrentPrincipal() principal: Principal, @Body() body: FormBody | undefined) {
    authorizeAdmin(principal, 'admin');
    return this.oauth.introspect(principal, (body ?? {})['token']);
  }
}
