import { assertPayload, HEADERS, TOPICS } from '@leadgate/contracts';
import { KafkaMessage } from 'kafkajs';
import { Logger } from 'pino';
import { KafkaPublisher } from '@leadgate/kafka/publisher/kafka-publisher';

export interface PoisonMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: Error;
}

/**
 * Where a consumer puts a message it can never process (bad JSON, broken contract), so one bad
 * record neither blocks the partition nor disappears. If the dead-letter write itself fails the
 * error propagates and the consumer retries the batch: nothing is dropped silently.
 */
export class DeadLetterSink {
  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly consumerName: string,
    private readonly logger: Logger,
  ) {}

  async send(poison: PoisonMessage): Promise<void> {
    const { topic, partition, message, error } = poison;
    const record = assertPayload(TOPICS.deadLetter, {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      value: message.value?.toString('utf8') ?? null,
      error: error.message.slice(0, 2000),
      consumer: this.consumerName,
      failed_at: new Date().toISOString(),
    });
    await this.publisher.publishRaw(TOPICS.deadLetter, record.key, JSON.stringify(record), {
      [HEADERS.dlqTopic]: topic,
      [HEADERS.dlqPartition]: String(partition),
      [HEADERS.dlqOffset]: message.offset,
      [HEADERS.dlqError]: record.error.slice(0, 200),
      [HEADERS.dlqConsumer]: this.consumerName,
    });
    this.logger.warn({ topic, partition, offset: message.offset, error: record.error }, 'message sent to dead letter');
  }
}
