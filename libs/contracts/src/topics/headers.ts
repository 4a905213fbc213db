/** Kafka header names shared by every producer and consumer. */
export const HEADERS = {
  /** The CloudEvents Kafka binding's header: set (structured mode) on records whose value is a CloudEvent. */
  contentType: 'content-type',
  requestId: 'x-request-id',
  /** Name of the payload schema, e.g. `campaigns.schemas.v1`, so a consumer can refuse a stranger. */
  schema: 'x-leadgate-schema',
  producer: 'x-leadgate-producer',
  /** Dead-letter records say where the poison message came from and why it was refused. */
  dlqTopic: 'x-dlq-topic',
  dlqPartition: 'x-dlq-partition',
  dlqOffset: 'x-dlq-offset',
  dlqError: 'x-dlq-error',
  dlqConsumer: 'x-dlq-consumer',
} as const;
