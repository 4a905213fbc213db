import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';

/** Per-token public documentation, built only from read models of schemas, filters and tokens. */
@Module({})
export class DocsModule {
  static register(): DynamicModule {
    return {
      module: DocsModule,
      imports: [
        KafkaModule.forRoot({
          readModels: [TOPICS.campaignSchemas, TOPICS.campaignFilters, TOPICS.identityTokens],
        }),
      ],
    };
  }
}
