import { TopicSpec } from '@leadgate/contracts';
import { Admin, Kafka, KafkaJSError } from 'kafkajs';
import { withKafkaRetries } from './retry';

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
    await withKafkaRetries(() => createMissing(admin, specs, replicationFactor));
    // Topics another service created a moment ago may not have leaders yet: wait until they do.
    await withKafkaRetries(async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.name) });
      const leaderless = topics.filter((topic) => topic.partitions.some((partition) => partition.leader < 0));
      if (leaderless.length > 0) {
        throw new KafkaJSError(`no leader yet for ${leaderless.map((topic) => topic.name).join(', ')}`, {
          retriable: true,
        });
      }
    });
  } finally {
    await admin.disconnect();
  }
}

async function createMissing(admin: Admin, specs: readonly TopicSpec[], replicationFactor: number): Promise<void> {
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
        configEntries: topicConfigEntries(spec),
      })),
    });
  } catch (error) {
    // Another service created one of them between our list and create: fine if all exist now.
    const now = new Set(await admin.listTopics());
    if (!missing.every((spec) => now.has(spec.name))) throw error;
  }
}

/**
 * A topic's own settings, given when it is created (by whichever service boots first): compaction,
 * or a retention of its own (ADR 027's short-lived counts), whose segments roll at a tenth of it so
 * the broker can delete by the minute rather than a week-long segment at once. Set at creation only:
 * altering a topic later needs DescribeConfigs/AlterConfigs rights that least-privilege service
 * principals do not have (ADR 022); an operator changes an existing topic with kafka-configs.
 */
export function topicConfigEntries(spec: TopicSpec): { name: string; value: string }[] {
  if (spec.compacted) {
    return [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'min.compaction.lag.ms', value: '60000' },
    ];
  }
  if (spec.retentionMs === undefined) return [];
  return [
    { name: 'retention.ms', value: String(spec.retentionMs) },
    { name: 'segment.ms', value: String(Math.max(60_000, Math.floor(spec.retentionMs / 10))) },
  ];
}
