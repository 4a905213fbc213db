import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { DeadLetterSink, KAFKA_CLIENT, KafkaClient, TopicConsumer } from '@leadgate/kafka';
import { ROOT_LOGGER } from '@leadgate/observability';
import { Logger } from 'pino';
import { TokenUsageRepository } from './token-usage.repository';

/**
 * Keeps `last_used_at` from the gateways' usage reports: one write per token per report, instead
 * of a database write per request. Reports may repeat or arrive out of order; the repository only
 * moves the time forward.
 */
@Injectable()
export class TokenUsageConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly consumer: TopicConsumer<typeof TOPICS.tokenUsage>;

  constructor(
    @Inject(KAFKA_CLIENT) kafka: KafkaClient,
    @Inject(ROOT_LOGGER) logger: Logger,
    deadLetter: DeadLetterSink,
    usage: TokenUsageRepository,
  ) {
    this.consumer = new TopicConsumer({
      kafka,
      topic: TOPICS.tokenUsage,
      groupId: 'identity.token-usage',
      logger,
      deadLetter,
      handle: async (report) => {
        for (const { token_id, last_used_at } of report.usage) await usage.record(token_id, last_used_at);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}
