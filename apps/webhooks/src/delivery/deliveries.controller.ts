import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, InternalPrincipalGuard, Principal, requireScope } from '@leadgate/service-kit';
import { DeliveriesService } from './deliveries.service';
import { parseDeliveryListQuery } from './delivery-views';

/** `GET /v1/webhooks/{id}/deliveries`, manual retry and the test event (API.md §12). */
@Controller('v1/webhooks/:webhookId')
@UseGuards(InternalPrincipalGuard)
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('deliveries')
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('webhookId') webhookId: string,
    @Query() query: Record<string, unknown>,
  ) {
    requireScope(principal, 'webhooks:read');
    return this.deliveries.list(principal, webhookId, parseDeliveryListQuery(query));
  }

  @Post('deliveries/:deliveryId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  retry(
    @CurrentPrincipal() principal: Principal,
    @Param('webhookId') webhookId: string,
    @Param('deliveryId') deliveryId: string,
  ) {
    requireScope(principal, 'webhooks:write');
    return this.deliveries.retry(principal, webhookId, deliveryId);
  }

  @Post('test')
  @HttpCode(HttpStatus.ACCEPTED)
  test(@CurrentPrincipal() principal: Principal, @Param('webhookId') webhookId: string) {
    requireScope(principal, 'webhooks:write');
    return this.deliveries.test(principal, webhookId);
  }
}
