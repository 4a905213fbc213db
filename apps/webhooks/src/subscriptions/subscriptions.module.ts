import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@leadgate/audit';
import { SecretsModule } from '@webhooks/secrets/secrets.module';
import { AdminWebhooksController } from './admin-webhooks.controller';
import { SUBSCRIPTION_MODEL, subscriptionSchema } from './subscription.schema';
import { SubscriptionAccess } from './subscription-access';
import { SubscriptionOwners } from './subscription-owners';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';
import { WebhooksController } from './webhooks.controller';

/**
 * Subscriptions and their sealed secrets. Exports what the dispatcher and the delivery routes use:
 * the repository (findById, activeOfAccount, disable), SubscriptionAccess.findFor, the owners' token
 * lookups, and the SecretBox through SecretsModule.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: SUBSCRIPTION_MODEL, schema: subscriptionSchema }]),
    AuditModule,
    SecretsModule,
  ],
  controllers: [WebhooksController, AdminWebhooksController],
  providers: [SubscriptionsRepository, SubscriptionOwners, SubscriptionAccess, SubscriptionsService],
  exports: [SubscriptionsRepository, SubscriptionOwners, SubscriptionAccess, SecretsModule],
})
export class SubscriptionsModule {}
