import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { MongoModule } from '@leadgate/mongo';
import { LeadsConfig } from './config';
import { LeadsFeatureModule } from './leads/leads-feature.module';

/** Leads, files and the receiver. Keeps its own copies of schemas, filters and token state. */
@Module({})
export class LeadsModule {
  static register(config: LeadsConfig): DynamicModule {
    return {
      module: LeadsModule,
      imports: [
        MongoModule.forRoot({ database: config.MONGO_DATABASE }),
        KafkaModule.forRoot({
          readModels: [TOPICS.campaignSchemas, TOPICS.campaignFilters, TOPICS.identityTokens],
        }),
        LeadsFeatureModule,
      ],
    };
  }
}
