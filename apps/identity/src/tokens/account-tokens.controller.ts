import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Res, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { requireOperation } from '@identity/privilege/privilege-rule';
import {
  CreateAccountTokenBody,
  createAccountTokenSchema,
  RotateTokenBody,
  rotateTokenSchema,
  UpdateTokenBody,
  updateTokenSchema,
} from './dto/token-bodies';
import { CreatedTokenView, TokenCreationService } from './token-creation.service';
import { TokenManagementService } from './token-management.service';
import { TokenView } from './token-view';

/** Account-level tokens, and reading/changing any token of the account by id (API.md §6). */
@Controller('v1/admin/tokens')
@UseGuards(InternalPrincipalGuard)
export class AccountTokensController {
  constructor(
    private readonly creation: TokenCreationService,
    private readonly management: TokenManagementService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createAccountTokenSchema)) body: CreateAccountTokenBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedTokenView> {
    requireOperation(principal, 'tokens:write');
    const created = await this.creation.createAccountToken(principal, body);
    response.setHeader('Location', `/v1/admin/tokens/${created.id}`);
    response.setHeader('Cache-Control', 'no-store');
    return created;
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: TokenView[] }> {
    requireOperation(principal, 'tokens:read');
    return { data: await this.management.list(principal, 'account') };
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TokenView> {
    requireOperation(principal, 'tokens:read');
    return this.management.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateTokenSchema)) body: UpdateTokenBody,
  ): Promise<TokenView> {
    requireOperation(principal, 'tokens:write');
    return this.management.update(principal, id, body);
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TokenView> {
    requireOperation(principal, 'tokens:write');
    return this.management.revoke(principal, id);
  }

  @Post(':id/rotate')
  @HttpCode(HttpStatus.OK)
  async rotate(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(rotateTokenSchema)) body: RotateTokenBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenView & { token: string }> {
    requireOperation(principal, 'tokens:write');
    response.setHeader('Cache-Control', 'no-store');
    return this.management.rotate(principal, id, body);
  }
}
