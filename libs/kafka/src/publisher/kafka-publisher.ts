import { assertPayload, HEADERS, PayloadOf, TopicName } from '@leadgate/contracts';
import { currentRequestId } from '@leadgate/observability';
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer, RecordMetadata } from 'kafkajs';

export interface PublishOptions {
  /** Extra headers; the request id, schema and producer headers are always set. */
  headers?: Record<string, string>;
}

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
      messages: [{ key, value, headers: this.headersFor(topic, options.headers) }],
    });
    return metadata;
  }

  /** Raw send for records that were validated elsewhere (the dead-letter path). */
  async publishRaw(
    topic: TopicName,
    key: string | null,
    value: string,
    headers: Record<string, string>,
  ): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages: [{ key, value, headers: this.headersFor(topic, headers) }] });
  }

  private headersFor(topic: TopicName, extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...extra,
      [HEADERS.requestId]: currentRequestId() ?? randomUUID(),
      [HEADERS.schema]: topic,
      [HEADERS.producer]: this.producerName,
    };
  }
}
