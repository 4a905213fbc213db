import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { AdminDocsController } from './admin-docs/admin-docs.controller';
import { DocsKeyIndex } from './token-docs/docs-key-index';
import { EventsDocsController } from './token-docs/events-docs.controller';
import { TokenDocsController } from './token-docs/token-docs.controller';
import { TokenDocsService } from './token-docs/token-docs.service';

/** Per-token public documentation and the admin API docs, built only from read models. */
@Module({})
export class DocsModule {
  static register(): DynamicModule {
    return {
      module: DocsModule,
      imports: [
        KafkaModule.forRoot({
          readModels: [
            TOPICS.campaignSchemas,
            TOPICS.campaignFilters,
            TOPICS.identityTokens,
            // For the account's default rate limit, shown on each token's page.
            TOPICS.identityAccounts,
            TOPICS.platformApiDocs,
          ],
        }),
      ],
      controllers: [TokenDocsController, EventsDocsController, AdminDocsController],
      providers: [DocsKeyIndex, TokenDocsService],
    };
  }
}
