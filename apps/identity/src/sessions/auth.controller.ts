import { Body, Controller, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
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
import { signedInSchema, userViewExample, userViewSchema } from '@identity/users/user-view.schema';
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
  @OperationDocs({
    operationId: 'signIn',
    summary: 'Sign in to the console',
    description:
      'Checks e-mail and password and sets the session cookie (`HttpOnly`, `SameSite=Strict`). A wrong e-mail ' +
      'and a wrong password get the same 401; repeated failures for an e-mail or an address get 429.',
    tag: 'auth',
    auth: 'public',
    body: loginSchema,
    bodyExample: { email: 'jane@example.com', password: 'correct horse battery staple' },
    response: {
      status: 200,
      description: 'Signed in: the person, the account, and the CSRF token for unsafe calls.',
      schema: signedInSchema,
      example: { user: userViewExample, account: { id: 'acct_demo', name: 'Demo' }, csrf_token: 'q8N...' },
    },
    errors: [401],
  })
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
  @OperationDocs({
    operationId: 'signOut',
    summary: 'Sign out',
    description: 'Ends this session on every gateway at once and clears the cookie. Needs `X-CSRF-Token`.',
    tag: 'auth',
    auth: 'session',
    response: { status: 204, description: 'Signed out.' },
  })
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    if (principal.kind !== 'user' || !principal.session_id) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', 'Not signed in.');
    }
    await this.sessions.end(principal.session_id, principal.actor_name ?? null, principal.client_ip ?? null);
    response.setHeader(SESSION_END_HEADER, '1');
  }

  @Post('accept-invite')
  @HttpCode(HttpStatus.OK)
  @OperationDocs({
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation',
    description:
      'Sets the password (at least 12 characters) of an invited person with the token from the invitation ' +
      'link\u2019s fragment. Works once, within 72 h; any other use answers 400.',
    tag: 'auth',
    auth: 'public',
    body: acceptInvitationSchema,
    bodyExample: { token: 'lgi_...', password: 'correct horse battery staple' },
    response: { status: 200, description: 'The person, now active.', schema: userViewSchema, example: userViewExample },
  })
  acceptInvite(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(acceptInvitationSchema)) body: AcceptInvitationBody,
  ): Promise<UserView> {
    return this.users.acceptInvitation(body, principal.client_ip ?? null);
  }
}
