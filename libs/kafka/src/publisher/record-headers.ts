import { CLOUDEVENTS_JSON, HEADERS, isCloudEventTopic, TopicName } from '@leadgate/contracts';

export interface RecordHeadersInput {
  topic: TopicName;
  producer: string;
  requestId: string;
  /** Null for a tombstone: no value, so nothing to describe with `content-type`. */
  value: string | null;
  /** Extra headers (dead-letter provenance, ...); they never override the ones set here. */
  extra?: Record<string, string>;
}

/**
 * The Kafka headers of one record. A record whose value is a CloudEvent is in the binding's
 * structured mode, which requires `content-type: application/cloudevents+json` (ADR 024): without
 * it the CloudEvents SDKs and kcat-based tools see no CloudEvent at all. Other topics carry plain
 * JSON and get no `content-type`, so no reader takes them for CloudEvents.
 */
export function recordHeaders({
  topic,
  producer,
  requestId,
  value,
  extra = {},
}: RecordHeadersInput): Record<string, string> {
  const passed = Object.entries(extra).filter(([name]) => name !== HEADERS.contentType);
  return {
    ...Object.fromEntries(passed),
    [HEADERS.requestId]: requestId,
    [HEADERS.schema]: topic,
    [HEADERS.producer]: producer,
    ...(value !== null && isCloudEventTopic(topic) ? { [HEADERS.contentType]: CLOUDEVENTS_JSON } : {}),
  };
}
