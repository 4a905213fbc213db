import { TopicSpec } from '@leadgate/contracts';
import { Kafka } from 'kafkajs';

/**
 * Creates the topics a service uses if they do not exist yet. Every service calls it at boot, so
 * the broker can run with auto-creation off: a typo in a topic name fails loudly instead of
 * creating a stray topic. Safe when several services race to create the same topic.
 */
export async function ensureTopics(
  kafka: Kafka,
  specs: readonly TopicSpec[],
  replicationFactor: number,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.name));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor,
          configEntries: spec.compacted
            ? [
                { name: 'cleanup.policy', value: 'compact' },
                { name: 'min.compaction.lag.ms', value: '60000' },
              ]
            : [],
        })),
      });
    } catch (error) {
      // Another service created one of them between our list and create: fine if all exist now.
      const now = new Set(await admin.listTopics());
      if (!missing.every((spec) => now.has(spec.name))) throw error;
    }
  } finally {
    await admin.disconnect();
  }
}
