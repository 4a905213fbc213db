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
import { OperationDocs } from '@leadgate/api-docs-publishing';
import {
  accountTokenExample,
  accountTokenViewExample,
  createdTokenViewExample,
  createdTokenViewSchema,
  tokenListSchema,
  tokenViewExample,
  tokenViewSchema,
} from './token-view.schema';

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
  @OperationDocs({
    operationId: 'createAccountToken',
    summary: 'Create an account-level token',
    description:
      'Makes an account token from a scope list or a preset (`GET /v1/admin/scopes`). The answer carries the ' +
      'token string once; only its hash is kept. No escalation: the new token\u2019s scopes must be covered by the caller\u2019s.',
    scope: 'tokens:write',
    body: createAccountTokenSchema,
    bodyExample: { name: 'CRM sync', preset: 'crm_sync' },
    response: {
      status: 201,
      description: 'The new token, with its secret.',
      schema: createdTokenViewSchema,
      example: accountTokenExample,
    },
  })
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
  @OperationDocs({
    operationId: 'listAccountTokens',
    summary: 'List account-level tokens',
    description: 'Every account-level token of the account, newest first; never a secret.',
    scope: 'tokens:read',
    response: {
      status: 200,
      description: 'The tokens.',
      schema: tokenListSchema,
      example: { data: [accountTokenViewExample] },
    },
  })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: TokenView[] }> {
    requireOperation(principal, 'tokens:read');
    return { data: await this.management.list(principal, 'account') };
  }

  @Get(':id')
  @OperationDocs({
    operationId: 'getToken',
    summary: 'Read a token',
    description: 'Any token of the account (account or campaign), by id; never its secret.',
    scope: 'tokens:read',
    response: { status: 200, description: 'The token.', schema: tokenViewSchema, example: tokenViewExample },
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TokenView> {
    requireOperation(principal, 'tokens:read');
    return this.management.get(principal, id);
  }

  @Patch(':id')
  @OperationDocs({
    operationId: 'updateToken',
    summary: 'Rename a token or change its expiry, rate limit or field access',
    description:
      'Changes the name, expiry or rate limit of a token the caller\u2019s scopes cover, or a campaign token\u2019s ' +
      '`field_access` (checked against its campaign\u2019s fields; 422 for other tokens). Takes effect everywhere at once.',
    scope: 'tokens:write',
    body: updateTokenSchema,
    bodyExample: { name: 'Partner ABC (EU)', expires_at: '2026-01-01T00:00:00Z' },
    response: { status: 200, description: 'The changed token.', schema: tokenViewSchema, example: tokenViewExample },
  })
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
  @OperationDocs({
    operationId: 'revokeToken',
    summary: 'Revoke a token',
    description: 'The token stops working everywhere at once. Answers the token\u2019s new state.',
    errors: [409],
    scope: 'tokens:write',
    response: {
      status: 200,
      description: 'The revoked token.',
      schema: tokenViewSchema,
      example: { ...tokenViewExample, status: 'revoked', revoked_at: '2025-05-02T10:00:00.000Z', version: 2 },
    },
  })
  revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TokenView> {
    requireOperation(principal, 'tokens:write');
    return this.management.revoke(principal, id);
  }

  @Post(':id/rotate')
  @HttpCode(HttpStatus.OK)
  @OperationDocs({
    operationId: 'rotateToken',
    summary: 'Rotate a token\u2019s secret',
    description:
      'Issues a new secret (shown once) and a new docs link; the old secret keeps working for the grace period (default 0).',
    scope: 'tokens:write',
    body: rotateTokenSchema,
    bodyExample: { grace_period_seconds: 3600 },
    errors: [409],
    response: {
      status: 200,
      description: 'The token with its new secret.',
      schema: createdTokenViewSchema,
      example: createdTokenViewExample,
    },
  })
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
