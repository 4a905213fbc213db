import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, ZodValidationPipe } from '@leadgate/service-kit';
import type { Response } from 'express';
import { CreateSubscriptionBody, createSubscriptionSchema } from './dto/subscription-bodies';
import {
  subscriptionListSchema,
  subscriptionViewExample,
  subscriptionWithSecretExample,
  subscriptionWithSecretSchema,
} from './subscription-view.schema';
import { SubscriptionView } from './subscription-view';
import { SubscriptionsService, SubscriptionWithSecret } from './subscriptions.service';

/** Webhook subscriptions seen from the admin API (API.md §6, §12); the privilege rule of identity applies. */
@Controller('v1/admin')
@UseGuards(InternalPrincipalGuard)
export class AdminWebhooksController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('webhooks')
  @OperationDocs({
    operationId: 'listAccountWebhooks',
    summary: 'List the webhook subscriptions of the account',
    description:
      'Every subscription of a token the caller may manage (its scopes cover the token\u2019s): all of them for `admin`. ' +
      'Never a secret.',
    scope: 'webhooks:read',
    response: {
      status: 200,
      description: 'The subscriptions.',
      schema: subscriptionListSchema,
      example: { data: [subscriptionViewExample] },
    },
  })
  async listAccount(@CurrentPrincipal() principal: Principal): Promise<{ data: SubscriptionView[] }> {
    return { data: await this.subscriptions.listOfAccount(principal) };
  }

  @Get('tokens/:tokenId/webhooks')
  @OperationDocs({
    operationId: 'listTokenWebhooks',
    summary: 'List the webhook subscriptions of a token',
    description: '404 for a token of another account; 403 when the caller\u2019s scopes do not cover the token\u2019s.',
    scope: 'webhooks:read',
    response: {
      status: 200,
      description: 'The token\u2019s subscriptions.',
      schema: subscriptionListSchema,
      example: { data: [subscriptionViewExample] },
    },
  })
  async listOfToken(
    @CurrentPrincipal() principal: Principal,
    @Param('tokenId') tokenId: string,
  ): Promise<{ data: SubscriptionView[] }> {
    return { data: await this.subscriptions.listOfToken(principal, tokenId) };
  }

  @Post('tokens/:tokenId/webhooks')
  @HttpCode(HttpStatus.CREATED)
  @OperationDocs({
    operationId: 'createTokenWebhook',
    summary: 'Create a webhook subscription for a token',
    description:
      'The subscription receives the lead events of the token\u2019s slice (campaign, filter, field access), ' +
      'signed with a secret shown in this answer only. The URL must be `https` and resolve to public addresses. ' +
      '404 for a token of another account; 403 when the caller\u2019s scopes do not cover the token\u2019s; ' +
      '422 for a revoked, expired or access token, or one that cannot read leads.',
    scope: 'webhooks:write',
    errors: [409],
    body: createSubscriptionSchema,
    bodyExample: {
      url: 'https://crm.partner.example/leadgate/events',
      events: ['lead.created', 'lead.status_changed'],
      description: 'Partner ABC CRM',
    },
    response: {
      status: 201,
      description: 'The new subscription, with its secret.',
      schema: subscriptionWithSecretSchema,
      example: subscriptionWithSecretExample,
    },
  })
  createForToken(
    @CurrentPrincipal() principal: Principal,
    @Param('tokenId') tokenId: string,
    @Body(new ZodValidationPipe(createSubscriptionSchema)) body: CreateSubscriptionBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubscriptionWithSecret> {
    response.setHeader('Cache-Control', 'no-store');
    return this.subscriptions.createForToken(principal, tokenId, body);
  }
}
