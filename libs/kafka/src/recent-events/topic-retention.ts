import { TopicSpec } from '@leadgate/contracts';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import { withKafkaRetries } from '@leadgate/kafka/client/retry';

/**
 * Gives each topic with a `retentionMs` that retention, whoever created it: ensureTopics (every
 * service, at boot) creates topics with the broker's defaults, and a short-lived topic must not
 * keep a week of records. Segments roll at a tenth of the retention, else the broker could only
 * delete a whole week-long segment. Changes nothing when the topic already has these values.
 */
export async function ensureRetention(kafka: Kafka, specs: readonly TopicSpec[]): Promise<void> {
  const wanted = specs.filter((spec) => spec.retentionMs !== undefined);
  if (wanted.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const spec of wanted) {
      const entries = retentionEntries(spec.retentionMs as number);
      const { resources } = await withKafkaRetries(() =>
        admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.name, configNames: entries.map((e) => e.name) }],
        }),
      );
      const current = new Map(
        (resources[0]?.configEntries ?? []).map((entry) => [entry.configName, entry.configValue]),
      );
      if (entries.every((entry) => current.get(entry.name) === entry.value)) continue;
      // AlterConfigs replaces the topic's own settings: these are all a non-compacted topic has.
      await withKafkaRetries(() =>
        admin.alterConfigs({
          validateOnly: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.name, configEntries: entries }],
        }),
      );
    }
  } finally {
    await admin.disconnect();
  }
}

export function retentionEntries(retentionMs: number): { name: string; value: string }[] {
  return [
    { name: 'retention.ms', value: String(retentionMs) },
    { name: 'segment.ms', value: String(Math.max(60_000, Math.floor(retentionMs / 10))) },
  ];
}
