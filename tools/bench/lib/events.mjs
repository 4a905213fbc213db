// Watches a Kafka topic from its current end: counts the events a bench or a drill caused, by key,
// with the time each one arrived. Starts at the end offsets taken before any load, so nothing the
// load produced can be missed while the consumer group is still joining.
import { Kafka, logLevel } from 'kafkajs';

export async function watchTopic({ brokers, topic, select }) {
  const kafka = new Kafka({ clientId: 'leadgate-bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const consumer = kafka.consumer({
    groupId: `bench-${topic}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    maxWaitTimeInMs: 50,
  });
  const seen = new Map();
  const watch = { seen, total: 0, lastAt: 0, consumer };
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = select(JSON.parse(message.value.toString()));
      if (!key) return;
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
