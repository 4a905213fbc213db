import { DynamicModule, Global, Module } from '@nestjs/common';
import { TopicName } from '@leadgate/contracts';
import { ROOT_LOGGER, ServiceInfo } from '@leadgate/observability';
import { BaseConfig, KafkaConnection, kafkaConnectionOf, SERVICE_CONFIG } from '@leadgate/service-kit';
import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { createKafkaClient } from '@leadgate/kafka/client/kafka-client';
import { fixKafkajsIdleTimer } from '@leadgate/kafka/kafkajs-fixes/request-queue-idle-timer';
import { DeadLetterSink } from '@leadgate/kafka/dead-letter/dead-letter-sink';
import { KafkaPublisher } from '@leadgate/kafka/publisher/kafka-publisher';
import { TopicEvents } from '@leadgate/kafka/event-handlers/topic-events';
import { ReadModelReader } from '@leadgate/kafka/read-model/read-model-reader';
import { KafkaLifecycle } from './kafka-lifecycle';
import { KAFKA_CLIENT, KAFKA_CONNECTION } from './kafka.tokens';
import { ReadModels } from './read-models';
import { ReadModelsController } from './read-models.controller';

export interface KafkaModuleOptions {
  /** State topics this service keeps an in-memory copy of. */
  readModels: TopicName[];
}

/**
 * The Kafka client, the publisher, the dead-letter sink, the rules for `@OnTopicEvent` handlers
 * (TopicEvents) and this service's read models.
 */
@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      controllers: [ReadModelsController],
      providers: [
        {
          provide: KAFKA_CONNECTION,
          inject: [SERVICE_CONFIG],
          useFactory: (config: BaseConfig): KafkaConnection => kafkaConnectionOf(config),
        },
        {
          provide: KAFKA_CLIENT,
          inject: [KAFKA_CONNECTION, ServiceInfo, ROOT_LOGGER],
          useFactory: (connection: KafkaConnection, info: ServiceInfo, logger: Logger) => {
            fixKafkajsIdleTimer();
            return createKafkaClient({ clientId: info.instanceId, ...connection, logger });
          },
        },
        {
          provide: KafkaPublisher,
          inject: [KAFKA_CLIENT, ServiceInfo],
          useFactory: (kafka: Kafka, info: ServiceInfo) => new KafkaPublisher(kafka, info.name),
        },
        {
          provide: DeadLetterSink,
          inject: [KafkaPublisher, ServiceInfo, ROOT_LOGGER],
          useFactory: (publisher: KafkaPublisher, info: ServiceInfo, logger: Logger) =>
            new DeadLetterSink(publisher, info.instanceId, logger),
        },
        {
          provide: ReadModels,
          inject: [KAFKA_CLIENT, SERVICE_CONFIG, ServiceInfo, ROOT_LOGGER, DeadLetterSink],
          useFactory: (
            kafka: Kafka,
            config: BaseConfig,
            info: ServiceInfo,
            logger: Logger,
            deadLetter: DeadLetterSink,
          ) => {
            const readModels = new ReadModels();
            for (const topic of options.readModels) {
              readModels.add(
                new ReadModelReader({
                  kafka,
                  topic,
                  service: info.name,
                  instanceId: info.instanceId,
                  logger,
                  deadLetter,
                  maxStaleMs: config.READ_MODEL_MAX_STALE_MS,
                }),
              );
            }
            return readModels;
          },
        },
        TopicEvents,
        KafkaLifecycle,
      ],
      exports: [KAFKA_CONNECTION, KAFKA_CLIENT, KafkaPublisher, DeadLetterSink, TopicEvents, ReadModels],
    };
  }
}
