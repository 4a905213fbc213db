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
import {
  CreateSubscriptionBody,
  createSubscriptionSchema,
  UpdateSubscriptionBody,
  updateSubscriptionSchema,
} from './dto/subscription-bodies';
import { SubscriptionView } from './subscription-view';
import { SubscriptionsService, SubscriptionWithSecret } from './subscriptions.service';

/**
 * A token's own webhook subscriptions (API.md §12): partners with the `webhooks` permission and
 * account tokens with `webhooks:*`. Deliveries, retry and test live in the delivery room.
 */
@Controller('v1/webhooks')
@UseGuards(InternalPrincipalGuard)
export class WebhooksController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createSubscriptionSchema)) body: CreateSubscriptionBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubscriptionWithSecret> {
    response.setHeader('Cache-Control', 'no-store');
    return this.subscriptions.createForCaller(principal, body);
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<{ data: SubscriptionView[] }> {
    return { data: await this.subscriptions.listOwn(principal) };
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<SubscriptionView> {
    return this.subscriptions.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateSubscriptionSchema)) body: UpdateSubscriptionBody,
  ): Promise<SubscriptionView> {
    return this.subscriptions.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.subscriptions.delete(principal, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubscriptionWithSecret> {
    response.setHeader('Cache-Control', 'no-store');
    return this.subscriptions.rotateSecret(principal, id);
  }
}
