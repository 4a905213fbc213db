// @ts-check
// Reading `leads.events.v1` (API.md §8): CloudEvents 1.0 JSON, key = lead id, at least once, in
// order per lead. Shared by the operator CLI (`events tail`) and the consumer example.
import { loadTopics } from '../lib/built.mjs';
import { kafkaClient } from '../lib/kafka-client.mjs';

/** The topic's name from libs/contracts, where every topic of the platform is named once. */
export const LEAD_EVENTS_TOPIC = (await loadTopics()).leadEvents;

/** @typedef {import('../../libs/contracts/src/events/lead-event.v1.js').LeadEventV1} LeadEvent */
/** @typedef {{ partition: number; offset: string; key?: string; requestId?: string }} LeadEventMeta */

/**
 * Calls `onEvent(event, meta)` for every lead event. `groupId` null reads without a consumer group
 * offset (a throwaway group that commits nothing); a durable group resumes where it stopped.
 * `since` (Unix ms) starts each partition at its first event written at or after that time,
 * rather than at the topic's beginning: a long-lived topic can hold millions of events.
 * Brokers and credentials come from `env` (KAFKA_BROKERS, KAFKA_SASL_*, KAFKA_TLS*: ADR 022).
 * Returns a function that stops the consumer.
 * @param {{
 *   clientId: string;
 *   groupId: string | null;
 *   fromBeginning?: boolean;
 *   since?: number;
 *   onEvent: (event: LeadEvent, meta: LeadEventMeta) => Promise<void>;
 *   env?: NodeJS.ProcessEnv;
 * }} options
 * @returns {Promise<() => Promise<void>>}
 */
export async function consumeLeadEvents({
  clientId,
  groupId,
  fromBeginning = false,
  since,
  onEvent,
  env = process.env,
}) {
  const kafka = await kafkaClient({ clientId, env });
  const durable = groupId !== null;
  const consumer = kafka.consumer({
    groupId: groupId ?? `${clientId}-${process.pid}-${Date.now()}`,
    maxWaitTimeInMs: 250,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: LEAD_EVENTS_TOPIC, fromBeginning });
  await consumer.run({
    autoCommit: durable,
    eachMessage: async ({ partition, message }) => {
      const event = /** @type {LeadEvent | null} */ (JSON.parse(message.value?.toString('utf8') ?? 'null'));
      if (!event) return;
      const requestId = message.headers?.['x-request-id']?.toString();
      // Throwing here makes kafkajs retry the message: handlers must be idempotent (dedupe by event.id).
      await onEvent(event, { partition, offset: message.offset, key: message.key?.toString(), requestId });
    },
  });
  if (since !== undefined) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      // kafkajs answers the end of the partition where nothing was written since then.
      const offsets = await admin.fetchTopicOffsetsByTimestamp(LEAD_EVENTS_TOPIC, since);
      for (const { partition, offset } of offsets) consumer.seek({ topic: LEAD_EVENTS_TOPIC, partition, offset });
    } finally {
      await admin.disconnect();
    }
  }
  return () => consumer.disconnect();
}
