import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TOPIC_SPECS } from '@leadgate/contracts';
import { ReadinessRegistry, ROOT_LOGGER } from '@leadgate/observability';
import { BaseConfig, SERVICE_CONFIG } from '@leadgate/service-kit';
import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { ensureTopics } from '@leadgate/kafka/client/topic-admin';
import { KafkaPublisher } from '@leadgate/kafka/publisher/kafka-publisher';
import { KAFKA_CLIENT } from './kafka.tokens';
import { ReadModels } from './read-models';

/**
 * Starts Kafka in order at boot (topics, producer, read models) and stops it in reverse at
 * shutdown, after HTTP has drained. Readiness reports the producer and every read model.
 */
@Injectable()
export class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: BaseConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly publisher: KafkaPublisher,
    private readonly readModels: ReadModels,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, TOPIC_SPECS, this.config.KAFKA_REPLICATION_FACTOR);
    await this.publisher.connect();
    // Read models catch up in the background; /health/ready says when they are there.
    await Promise.all(this.readModels.all().map((reader) => reader.start()));
    this.readiness.register({
      name: 'kafka',
      check: async () => ({ ready: this.publisher.isConnected, detail: { brokers: this.config.KAFKA_BROKERS } }),
    });
    this.readiness.register({
      name: 'read_models',
      check: async () => {
        const readers = this.readModels.all();
        return {
          ready: readers.every((reader) => reader.fresh),
          detail: Object.fromEntries(readers.map((reader) => [reader.topic, reader.status()])),
        };
      },
    });
  }

  // After every onModuleDestroy hook, so components can still publish their last words (usage, outbox).
  async onApplicationShutdown(): Promise<void> {
    const results = await Promise.allSettled([
      ...this.readModels.all().map((reader) => reader.stop()),
      this.publisher.disconnect(),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') this.logger.warn({ err: result.reason }, 'kafka shutdown step failed');
    }
  }
}
