import { DynamicModule, Module } from '@nestjs/common';
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
        KafkaModule.forRoot({ readModels: [] }),
        CampaignsFeatureModule,
      ],
    };
  }
}
