// Watches a Kafka topic from its current end (or given offsets): counts the events a bench or a drill
// caused, by key, with the time each one arrived. Starts at the end offsets taken before any load,
// so nothing the load produced can be missed while the consumer group is still joining.
import { Kafka, logLevel } from 'kafkajs';

/** The topic's current end offsets: where a watch started later should begin to see everything after now. */
export async function topicEnds(brokers, topic) {
  const kafka = new Kafka({ clientId: 'leadgate-bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
}

/** @param {{ startOffsets?: { partition: number, offset: string }[] }} options default: the end offsets now */
export async function watchTopic({ brokers, topic, select, startOffsets }) {
  const ends = startOffsets ?? (await topicEnds(brokers, topic));
  const kafka = new Kafka({ clientId: 'leadgate-bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `bench-${topic}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    maxWaitTimeInMs: 50,
  });
  const seen = new Map();
  /** Distinct event ids per key: more than one would be a duplicated event, not a re-delivery. */
  const ids = new Map();
  const watch = { seen, ids, total: 0, lastAt: 0, consumer };
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString());
      const key = select(event);
      if (!key) return;
      ids.set(key, (ids.get(key) ?? new Set()).add(event.id));
      watch.total++;
      watch.lastAt = Date.now();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    },
  });
  for (const { partition, offset } of ends) consumer.seek({ topic, partition, offset });
  await joined;
  watch.stop = () => consumer.disconnect();
  /** Resolves when `count` distinct keys have arrived (or after timeoutMs), with the time of the last. */
  watch.until = async (count, timeoutMs = 120000) => {
    const started = Date.now();
    while (seen.size < count && Date.now() - started < timeoutMs)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return watch.lastAt;
  };
  return watch;
}

/** Creates a topic for reference events (never leads.events.v1: its consumers must not see bench data). */
export async function ensureTopic(brokers, topic, partitions) {
  const kafka = new Kafka({ clientId: 'leadgate-bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
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
