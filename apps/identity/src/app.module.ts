import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { MongoModule } from '@leadgate/mongo';
import { IdentityConfig } from './config';
import { IdentityFeaturesModule } from './identity-features.module';

/**
 * Tokens, client credentials and scopes. It reads campaign schemas and filters so that a campaign
 * token can only name campaigns and filters that exist in its account.
 */
@Module({})
export class IdentityModule {
  static register(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        MongoModule.forRoot({ database: config.MONGO_DATABASE }),
        KafkaModule.forRoot({ readModels: [TOPICS.campaignSchemas, TOPICS.campaignFilters] }),
        IdentityFeaturesModule,
      ],
    };
  }
}
