import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { requireOperation } from '@identity/privilege/privilege-rule';
import { CredentialsService, CredentialView } from './credentials.service';
import { CreateCredentialBody, createCredentialSchema } from './dto/credential-bodies';

@Controller('v1/admin/credentials')
@UseGuards(InternalPrincipalGuard)
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createCredentialSchema)) body: CreateCredentialBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CredentialView & { client_secret: string }> {
    requireOperation(principal, 'credentials:write');
    response.setHeader('Cache-Control', 'no-store');
    return this.credentials.create(principal, body);
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: CredentialView[] }> {
    requireOperation(principal, 'credentials:read');
    return { data: await this.credentials.list(principal) };
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  enable(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CredentialView> {
    requireOperation(principal, 'credentials:write');
    return this.credentials.setEnabled(principal, id, true);
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  disable(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CredentialView> {
    requireOperation(principal, 'credentials:write');
    return this.credentials.setEnabled(principal, id, false);
  }
}
