import { assertPayload, PayloadOf, TopicName } from '@leadgate/contracts';
import { currentRequestId } from '@leadgate/observability';
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer, RecordMetadata } from 'kafkajs';
import { recordHeaders } from './record-headers';
import { sendChunks } from './send-chunks';

export interface PublishOptions {
  /** Extra headers; the request id, schema, producer and (CloudEvents) content-type headers are always set. */
  headers?: Record<string, string>;
}

/** One record of a publishMany; `value` null writes a tombstone. */
export interface PublishRecord<T extends TopicName> {
  key: string;
  value: PayloadOf<T> | null;
}

/** Half the broker's default `message.max.bytes` (1 MiB), leaving room for keys, headers and overhead. */
const MAX_SEND_BYTES = 512 * 1024;

/**
 * The one way to write to Kafka: validates the payload against its contract, then waits for the
 * broker's acknowledgement from all in-sync replicas. Nothing is fire-and-forget.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(
    kafka: Kafka,
    private readonly producerName: string,
  ) {
    // Idempotent with one request in flight: retries never duplicate or reorder a key's records.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.connected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.connected = false));
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  /** Publishes one record; `payload` null writes a tombstone (deletes the key from a state topic). */
  async publish<T extends TopicName>(
    topic: T,
    key: string,
    payload: PayloadOf<T> | null,
    options: PublishOptions = {},
  ): Promise<RecordMetadata> {
    const value = payload === null ? null : JSON.stringify(assertPayload(topic, payload));
    const [metadata] = await this.producer.send({
      topic,
      acks: -1,
      messages: [{ key, value, headers: this.headersFor(topic, value, options.headers) }],
    });
    return metadata;
  }

  /**
   * Publishes many records in as few sends as the broker's size limit allows, one send after the
   * other: records of one key keep their order (the key picks the partition, the idempotent
   * producer with one request in flight keeps a partition's order).
   */
  async publishMany<T extends TopicName>(
    topic: T,
    records: PublishRecord<T>[],
    options: PublishOptions = {},
  ): Promise<RecordMetadata[]> {
    const requestId = currentRequestId() ?? randomUUID();
    const messages = records.map(({ key, value }) => {
      const encoded = value === null ? null : JSON.stringify(assertPayload(topic, value));
      return { key, value: encoded, headers: this.headersFor(topic, encoded, options.headers, requestId) };
    });
    const metadata: RecordMetadata[] = [];
    for (const chunk of sendChunks(messages, MAX_SEND_BYTES)) {
      metadata.push(...(await this.producer.send({ topic, acks: -1, messages: chunk })));
    }
    return metadata;
  }

  /** Raw send for records that were validated elsewhere (the dead-letter path). */
  async publishRaw(
    topic: TopicName,
    key: string | null,
    value: string,
    headers: Record<string, string>,
  ): Promise<void> {
    await this.producer.send({
      topic,
      acks: -1,
      messages: [{ key, value, headers: this.headersFor(topic, value, headers) }],
    });
  }

  private headersFor(
    topic: TopicName,
    value: string | null,
    extra: Record<string, string> | undefined,
    requestId = currentRequestId() ?? randomUUID(),
  ): Record<string, string> {
    return recordHeaders({ topic, producer: this.producerName, requestId, value, extra });
  }
}
