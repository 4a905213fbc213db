import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { MongoModule } from '@leadgate/mongo';
import { WebhooksConfig } from './config';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { DeliveryModule } from './delivery/delivery.module';
import { DispatchModule } from './dispatch/dispatch.module';

/**
 * The webhooks service (API.md §12): subscriptions and their sealed secrets, and the dispatcher
 * that pushes lead events into each token's slice. It keeps its own copies of tokens, filters and
 * schemas, the same read models the gateway and leads decide with. The one place that wires every
 * room (docs/ARCHITECTURE.md); each room adds its own module to `imports`.
 */
@Module({})
export class WebhooksModule {
  static register(config: WebhooksConfig): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [
        MongoModule.forRoot({ database: config.MONGO_DATABASE }),
        KafkaModule.forRoot({
          readModels: [TOPICS.identityTokens, TOPICS.campaignFilters, TOPICS.campaignSchemas],
        }),
        SubscriptionsModule,
        DeliveryModule,
        DispatchModule,
      ],
    };
  }
}
