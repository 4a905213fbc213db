import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { InviteUserBody, inviteUserSchema, UpdateUserBody, updateUserSchema } from './dto/user-bodies';
import { UserView } from './user-view';
import {
  invitedUserViewExample,
  invitedUserViewSchema,
  userListSchema,
  userViewExample,
  userViewSchema,
} from './user-view.schema';
import { InvitedUserView, UsersService } from './users.service';

/** People of the account and their roles (API.md §11). */
@Controller('v1/admin/users')
@UseGuards(InternalPrincipalGuard)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @OperationDocs({
    operationId: 'inviteUser',
    summary: 'Invite a person',
    description:
      'Invites a person with a role. The answer carries the one-time invitation link (72 h), shown once. ' +
      'The caller\u2019s scopes must cover the role\u2019s; only a signed-in owner invites owners.',
    scope: 'users:write',
    body: inviteUserSchema,
    bodyExample: { email: 'jane@example.com', role: 'developer' },
    response: {
      status: 201,
      description: 'The invited person, with the invitation link.',
      schema: invitedUserViewSchema,
      example: invitedUserViewExample,
    },
    errors: [409],
  })
  async invite(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(inviteUserSchema)) body: InviteUserBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InvitedUserView> {
    const invited = await this.users.invite(principal, body);
    response.setHeader('Location', `/v1/admin/users/${invited.id}`);
    response.setHeader('Cache-Control', 'no-store');
    return invited;
  }

  @Get()
  @OperationDocs({
    operationId: 'listUsers',
    summary: 'List the people of the account',
    description: 'Everyone with access to the console, invited or active, oldest first.',
    scope: 'users:read',
    response: { status: 200, description: 'The people.', schema: userListSchema, example: { data: [userViewExample] } },
  })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: UserView[] }> {
    return { data: await this.users.list(principal) };
  }

  @Get(':id')
  @OperationDocs({
    operationId: 'getUser',
    summary: 'Read a person',
    description: 'One person of the account, by id.',
    scope: 'users:read',
    response: { status: 200, description: 'The person.', schema: userViewSchema, example: userViewExample },
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<UserView> {
    return this.users.get(principal, id);
  }

  @Patch(':id')
  @OperationDocs({
    operationId: 'changeUserRole',
    summary: 'Change a person\u2019s role',
    description:
      'The caller\u2019s scopes must cover the old and the new role; only a signed-in owner changes owners, and ' +
      'the account keeps at least one owner (409).',
    scope: 'users:write',
    body: updateUserSchema,
    bodyExample: { role: 'viewer' },
    response: {
      status: 200,
      description: 'The person, with the new role.',
      schema: userViewSchema,
      example: userViewExample,
    },
    errors: [409],
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateUserSchema)) body: UpdateUserBody,
  ): Promise<UserView> {
    return this.users.changeRole(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @OperationDocs({
    operationId: 'removeUser',
    summary: 'Remove a person',
    description: 'Removes the person\u2019s access; their sessions end at once on every gateway.',
    scope: 'users:write',
    response: { status: 204, description: 'Removed.' },
    errors: [409],
  })
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.users.remove(principal, id);
  }
}
