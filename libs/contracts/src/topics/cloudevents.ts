import { TOPICS, TopicName } from '@leadgate/contracts/topics/topics';

/**
 * Media type of a CloudEvent in the JSON event format, the Kafka `content-type` header of a
 * structured-mode message (CloudEvents Kafka protocol binding §3.3, ADR 024). JSON is UTF-8 by
 * definition (RFC 8259), so no charset parameter.
 */
export const CLOUDEVENTS_JSON = 'application/cloudevents+json';

/** Topics whose every value is a CloudEvents 1.0 JSON envelope; their records say so in `content-type`. */
export const CLOUDEVENT_TOPICS: ReadonlySet<TopicName> = new Set<TopicName>([TOPICS.leadEvents]);

export function isCloudEventTopic(topic: TopicName): boolean {
  return CLOUDEVENT_TOPICS.has(topic);
}
