import { Injectable } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { ContractViolationError, decodePayload, PayloadOf, TopicName } from '@leadgate/contracts';
import { runWithRequestContext } from '@leadgate/observability';
import { KafkaMessage } from 'kafkajs';
import { DeadLetterSink } from '@leadgate/kafka/dead-letter/dead-letter-sink';
import { requestIdOf } from '@leadgate/kafka/read-model/message-headers';

/**
 * The platform's rules for one event that reached an `@OnTopicEvent` handler: it is handled inside
 * the request id from its Kafka headers; a message that breaks its topic's contract goes to the
 * dead-letter topic and is not handled; a tombstone is skipped. A handler error is thrown back to
 * the transport, which retries the message (offsets commit only after success), so handlers must be
 * idempotent.
 */
@Injectable()
export class TopicEvents {
  constructor(private readonly deadLetter: DeadLetterSink) {}

  async handle<T extends TopicName>(
    topic: T,
    context: KafkaContext,
    handler: (payload: PayloadOf<T>) => Promise<void>,
  ): Promise<void> {
    const message = kafkaMessageOf(context);
    const requestId = requestIdOf(message.headers) ?? 'kafka';
    await runWithRequestContext({ requestId }, async () => {
      let payload: PayloadOf<T> | null;
      try {
        payload = decodePayload(topic, message.value);
      } catch (error) {
        if (!(error instanceof ContractViolationError)) throw error;
        await this.deadLetter.send({ topic, partition: context.getPartition(), message, error });
        return;
      }
      if (payload !== null) await handler(payload);
    });
  }
}

/** Nest decodes the key and headers to strings; the dead-letter record wants the message as kafkajs gives it. */
function kafkaMessageOf(context: KafkaContext): KafkaMessage {
  const message = context.getMessage();
  const bytes = (value: unknown): Buffer | null => {
    if (value === null || value === undefined) return null;
    if (Buffer.isBuffer(value)) return value;
    return typeof value === 'string' ? Buffer.from(value) : Buffer.from(JSON.stringify(value));
  };
  return {
    key: bytes(message.key),
    value: bytes(message.value),
    timestamp: message.timestamp,
    attributes: message.attributes,
    offset: message.offset,
    size: message.size,
    headers: message.headers ?? {},
  } as KafkaMessage;
}
