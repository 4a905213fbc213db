import { ContractViolationError, decodePayload, PayloadOf, TopicName } from '@leadgate/contracts';
import { runWithRequestContext } from '@leadgate/observability';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { Logger } from 'pino';
import { DeadLetterSink } from '../dead-letter/dead-letter-sink';
import { requestIdOf } from '../read-model/message-headers';

export interface TopicConsumerOptions<T extends TopicName> {
  kafka: Kafka;
  topic: T;
  /** Shared by every replica of the service: each message is handled by one replica. */
  groupId: string;
  logger: Logger;
  deadLetter: DeadLetterSink;
  handle: (payload: PayloadOf<T>, message: KafkaMessage) => Promise<void>;
}

/**
 * At-least-once processing of an event topic by a service (one shared consumer group). A message
 * that breaks its contract goes to the dead-letter topic; a handler error is thrown back to
 * kafkajs, which retries it (the offset is committed only after success), so handlers must be
 * idempotent. Each message is handled inside its request id.
 */
export class TopicConsumer<T extends TopicName> {
  private readonly consumer: Consumer;

  constructor(private readonly options: TopicConsumerOptions<T>) {
    this.consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        const requestId = requestIdOf(message.headers) ?? 'kafka';
        await runWithRequestContext({ requestId }, () => this.process(partition, message));
      },
    });
  }

  /** Disconnecting commits the offsets of what was handled, so a restart resumes after it. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async process(partition: number, message: KafkaMessage): Promise<void> {
    let payload: PayloadOf<T> | null;
    try {
      payload = decodePayload(this.options.topic, message.value);
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
      await this.options.deadLetter.send({ topic: this.options.topic, partition, message, error });
      return;
    }
    if (payload !== null) await this.options.handle(payload, message);
  }
}
