import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { requireOperation } from '@identity/privilege/privilege-rule';
import { CredentialsService, CredentialView } from './credentials.service';
import { CreateCredentialBody, createCredentialSchema } from './dto/credential-bodies';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import {
  createdCredentialViewSchema,
  credentialListSchema,
  credentialViewExample,
  credentialViewSchema,
} from './credential-view.schema';

@Controller('v1/admin/credentials')
@UseGuards(InternalPrincipalGuard)
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @OperationDocs({
    operationId: 'createCredential',
    summary: 'Create an OAuth2 client credential',
    description:
      'A client id and secret for the client credentials grant (`POST /oauth/token`), with scope groups fixed for life. ' +
      'The secret is in this answer only.',
    scope: 'credentials:write',
    body: createCredentialSchema,
    bodyExample: { description: 'Nightly CRM export', scope_groups: ['data_api'] },
    response: {
      status: 201,
      description: 'The new credential, with its secret.',
      schema: createdCredentialViewSchema,
      example: { ...credentialViewExample, client_secret: 'lgs_7Lm2Qx9Vb4Nc_9fK2pW8xQ1zR5tY3vB6nM0cL4hJ7_d4e5f6' },
    },
  })
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
  @OperationDocs({
    operationId: 'listCredentials',
    summary: 'List client credentials',
    description: 'Every client credential of the account; never a secret.',
    scope: 'credentials:read',
    response: {
      status: 200,
      description: 'The credentials.',
      schema: credentialListSchema,
      example: { data: [credentialViewExample] },
    },
  })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: CredentialView[] }> {
    requireOperation(principal, 'credentials:read');
    return { data: await this.credentials.list(principal) };
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  @OperationDocs({
    operationId: 'enableCredential',
    summary: 'Enable a client credential',
    description: 'The credential may get access tokens again.',
    scope: 'credentials:write',
    response: {
      status: 200,
      description: 'The credential\u2019s new state.',
      schema: credentialViewSchema,
      example: credentialViewExample,
    },
  })
  enable(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CredentialView> {
    requireOperation(principal, 'credentials:write');
    return this.credentials.setEnabled(principal, id, true);
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @OperationDocs({
    operationId: 'disableCredential',
    summary: 'Disable a client credential',
    description: 'Every access token issued from it stops working at once, everywhere.',
    scope: 'credentials:write',
    response: {
      status: 200,
      description: 'The credential\u2019s new state.',
      schema: credentialViewSchema,
      example: { ...credentialViewExample, enabled: false, version: 2 },
    },
  })
  disable(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CredentialView> {
    requireOperation(principal, 'credentials:write');
    return this.credentials.setEnabled(principal, id, false);
  }
}
