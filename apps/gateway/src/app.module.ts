import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';

/**
 * The edge. It keeps read models of token and credential state so it can authorize locally,
 * without a call per request, and serves nothing from a database of its own.
 */
@Module({})
export class GatewayModule {
  static register(): DynamicModule {
    return {
      module: GatewayModule,
      imports: [KafkaModule.forRoot({ readModels: [TOPICS.identityTokens, TOPICS.identityCredentials] })],
    };
  }
}
