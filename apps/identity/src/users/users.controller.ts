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
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { InviteUserBody, inviteUserSchema, UpdateUserBody, updateUserSchema } from './dto/user-bodies';
import { UserView } from './user-view';
import { InvitedUserView, UsersService } from './users.service';

/** People of the account and their roles (API.md §11). */
@Controller('v1/admin/users')
@UseGuards(InternalPrincipalGuard)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
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
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: UserView[] }> {
    return { data: await this.users.list(principal) };
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<UserView> {
    return this.users.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateUserSchema)) body: UpdateUserBody,
  ): Promise<UserView> {
    return this.users.changeRole(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.users.remove(principal, id);
  }
}
