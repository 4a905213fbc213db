// @ts-check
// Watches a Kafka topic from its current end (or given offsets): counts the events a bench or a drill
// caused, by key, with the time each one arrived. Starts at the end offsets taken before any load,
// so nothing the load produced can be missed while the consumer group is still joining.
import { kafkaClient } from '../../lib/kafka-client.mjs';

/** @typedef {{ partition: number; offset: string }} PartitionOffset */
/**
 * What a watch has seen, by key; `seen` counts copies (re-deliveries), `ids` the distinct event ids.
 * @typedef {{
 *   seen: Map<string, number>; ids: Map<string, Set<string>>; total: number; lastAt: number;
 *   consumer: import('kafkajs').Consumer;
 *   stop: () => Promise<void>; until: (count: number, timeoutMs?: number) => Promise<number>;
 * }} TopicWatch
 */

/**
 * A client of the broker the bench brought up (tools/lib/kafka-client.mjs; the embedded broker takes
 * no credentials, so only its address is passed).
 * @param {string} brokers comma-separated
 * @param {string} [clientId]
 */
export const benchKafka = (brokers, clientId = 'leadgate-bench') =>
  kafkaClient({ clientId, env: { KAFKA_BROKERS: brokers }, quiet: true });

/**
 * The topic's current end offsets: where a watch started later should begin to see everything after now.
 * @param {string} brokers comma-separated
 * @param {string} topic
 * @returns {Promise<PartitionOffset[]>}
 */
export async function topicEnds(brokers, topic) {
  const kafka = await benchKafka(brokers);
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * `select` names the key an event counts under, or null for an event the watch ignores; `handle`,
 * when given, is awaited for each selected event before it counts (one at a time per partition, as
 * a consumer that does work per event would).
 * @template {{ id: string }} Event the JSON value of the topic's messages
 * @param {{
 *   brokers: string; topic: string; select: (event: Event) => string | null;
 *   handle?: (event: Event, value: string) => Promise<void>;
 *   startOffsets?: PartitionOffset[];
 * }} options startOffsets default: the end offsets now
 * @returns {Promise<TopicWatch>}
 */
export async function watchTopic({ brokers, topic, select, handle, startOffsets }) {
  const ends = startOffsets ?? (await topicEnds(brokers, topic));
  const kafka = await benchKafka(brokers);
  const groupId = `bench-${topic}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  // The new group's committed offsets are the start: the consumer begins there whenever it joins
  // (a seek right after run() fails when the first join crashes, as right after a broker restart).
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.setOffsets({ groupId, topic, partitions: ends });
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  /** @type {Map<string, number>} */
  const seen = new Map();
  /** @type {Map<string, Set<string>>} Distinct event ids per key: more than one would be a duplicated event, not a re-delivery. */
  const ids = new Map();
  /** @type {TopicWatch} */
  const watch = {
    seen,
    ids,
    total: 0,
    lastAt: 0,
    consumer,
    stop: () => consumer.disconnect(),
    /** Resolves when `count` distinct keys have arrived (or after timeoutMs), with the time of the last. */
    until: async (count, timeoutMs = 120000) => {
      const started = Date.now();
      while (seen.size < count && Date.now() - started < timeoutMs)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return watch.lastAt;
    },
  };
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      // Every message of a watched topic has a JSON value (no tombstones): typed where it enters.
      const value = String(message.value);
      const event = /** @type {Event} */ (JSON.parse(value));
      const key = select(event);
      if (!key) return;
      if (handle) await handle(event, value);
      ids.set(key, (ids.get(key) ?? new Set()).add(event.id));
      watch.total++;
      watch.lastAt = Date.now();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    },
  });
  await joined;
  return watch;
}

/**
 * Creates a topic for reference events (never leads.events.v1: its consumers must not see bench data).
 * @param {string} brokers comma-separated
 * @param {string} topic
 * @param {number} partitions
 */
export async function ensureTopic(brokers, topic, partitions) {
  const kafka = await benchKafka(brokers);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}
