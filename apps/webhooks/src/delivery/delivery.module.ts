import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SliceReader } from '@webhooks/dispatch/slice-reader';
import { SubscriptionsModule } from '@webhooks/subscriptions/subscriptions.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveriesService } from './deliveries.service';
import { DELIVERY_CLOCK, SYSTEM_CLOCK } from './delivery-clock';
import { DeliverySender } from './delivery-sender';
import { DeliveryWorker } from './delivery-worker';
import { DELIVERY_CLAIM_MODEL, deliveryClaimSchema } from './delivery-claim.schema';
import { DELIVERY_MODEL, deliverySchema } from './delivery.schema';

/** The delivery queue, its worker and the delivery routes. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DELIVERY_MODEL, schema: deliverySchema },
      { name: DELIVERY_CLAIM_MODEL, schema: deliveryClaimSchema },
    ]),
    SubscriptionsModule,
  ],
  controllers: [DeliveriesController],
  providers: [
    { provide: DELIVERY_CLOCK, useValue: SYSTEM_CLOCK },
    DeliveriesRepository,
    DeliveriesService,
    DeliverySender,
    DeliveryWorker,
    SliceReader,
  ],
  exports: [DELIVERY_CLOCK, DeliveriesRepository, DeliveryWorker, SliceReader],
})
export class DeliveryModule {}
