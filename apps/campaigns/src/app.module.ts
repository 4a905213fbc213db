import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { MongoModule } from '@leadgate/mongo';
import { CampaignsFeatureModule } from './campaigns/campaigns.module';
import { CampaignsConfig } from './config';

/** Campaigns and their schema pieces and filters; publishes schema and filter state. */
@Module({})
export class CampaignsModule {
  static register(config: CampaignsConfig): DynamicModule {
    return {
      module: CampaignsModule,
      imports: [
        MongoModule.forRoot({ database: config.MONGO_DATABASE }),
        // Token state, so a filter that live tokens use is not deleted from under them.
        KafkaModule.forRoot({ readModels: [TOPICS.identityTokens] }),
        CampaignsFeatureModule,
      ],
    };
  }
}
