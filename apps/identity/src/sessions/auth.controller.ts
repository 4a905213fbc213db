import { Body, Controller, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import {
  CurrentPrincipal,
  InternalPrincipalGuard,
  Principal,
  ProblemException,
  SESSION_END_HEADER,
  SESSION_ISSUE_HEADER,
  ZodValidationPipe,
} from '@leadgate/service-kit';
import type { Response } from 'express';
import { AcceptInvitationBody, acceptInvitationSchema, LoginBody, loginSchema } from '@identity/users/dto/user-bodies';
import { UsersService } from '@identity/users/users.service';
import { UserView } from '@identity/users/user-view';
import { SessionsService, SignedIn } from './sessions.service';

/**
 * Console sign-in (API.md §11). The gateway routes these; it turns the session this answers in a
 * header into the cookie, and answers `GET /v1/auth/session` itself from its read models.
 */
@Controller('v1/auth')
@UseGuards(InternalPrincipalGuard)
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  async login(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(loginSchema)) body: LoginBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedIn['answer']> {
    const signedIn = await this.sessions.login(body, principal.client_ip ?? null);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader(SESSION_ISSUE_HEADER, signedIn.session);
    return signedIn.answer;
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    if (principal.kind !== 'user' || !principal.session_id) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', 'Not signed in.');
    }
    await this.sessions.end(principal.session_id);
    response.setHeader(SESSION_END_HEADER, '1');
  }

  @Post('accept-invite')
  @HttpCode(HttpStatus.OK)
  acceptInvite(@Body(new ZodValidationPipe(acceptInvitationSchema)) body: AcceptInvitationBody): Promise<UserView> {
    return this.users.acceptInvitation(body);
  }
}
