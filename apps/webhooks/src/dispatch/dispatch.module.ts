import { Module } from '@nestjs/common';
import { DeliveryModule } from '@webhooks/delivery/delivery.module';
import { SubscriptionsModule } from '@webhooks/subscriptions/subscriptions.module';
import { LeadEventDispatcher } from './lead-event-dispatcher';
import { LeadEventConsumer } from './lead-event.consumer';

/** leads.events.v1 in, delivery jobs out (the consumer runs once main.ts starts the event consumers). */
@Module({
  imports: [DeliveryModule, SubscriptionsModule],
  controllers: [LeadEventConsumer],
  providers: [LeadEventDispatcher],
})
export class DispatchModule {}
