import { CampaignSchemaStateV1, HEADERS, TOPIC_SPECS, TOPICS } from '@leadgate/contracts';
import {
  createKafkaClient,
  DeadLetterSink,
  ensureTopics,
  headerValue,
  KafkaPublisher,
  ReadModelReader,
} from '@leadgate/kafka';
import { runWithRequestContext } from '@leadgate/observability';
import { KAFKA_BROKERS, uniqueRunId, waitFor } from '@leadgate/testing';
import { Consumer, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import pino from 'pino';

const logger = pino({ level: 'silent' });

function campaignState(id: string, name: string, version: number): CampaignSchemaStateV1 {
  return {
    id,
    account_id: 'acc_backbone',
    name,
    fields: [],
    selects: [],
    statuses: [{ slug: 'new', label: 'New', is_default: true, order: 0 }],
    relations: [],
    receiver: { require_authentication: false },
    version,
    updated_at: new Date().toISOString(),
  };
}

/** The event backbone against the real broker: publish with ack, read model, tombstones, dead letters, headers. */
describe('event backbone', () => {
  const runId = uniqueRunId();
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let reader: ReadModelReader<typeof TOPICS.campaignSchemas>;
  let rawProducer: Producer;
  let deadLetterConsumer: Consumer;
  const deadLetters: KafkaMessage[] = [];

  beforeAll(async () => {
    kafka = createKafkaClient({ clientId: `backbone-${runId}`, brokers: KAFKA_BROKERS.split(','), logger });
    await ensureTopics(kafka, TOPIC_SPECS, 1);
    publisher = new KafkaPublisher(kafka, 'backbone-test');
    await publisher.connect();
    rawProducer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await rawProducer.connect();

    deadLetterConsumer = kafka.consumer({ groupId: `backbone-dlq-${runId}`, maxWaitTimeInMs: 100 });
    await deadLetterConsumer.connect();
    await deadLetterConsumer.subscribe({ topic: TOPICS.deadLetter, fromBeginning: false });
    let assigned = false;
    deadLetterConsumer.on(deadLetterConsumer.events.GROUP_JOIN, () => (assigned = true));
    await deadLetterConsumer.run({ eachMessage: async ({ message }) => void deadLetters.push(message) });
    await waitFor('dead-letter consumer to join', async () => (assigned ? true : undefined), 20000);

    reader = new ReadModelReader({
      kafka,
      topic: TOPICS.campaignSchemas,
      service: 'backbone-test',
      instanceId: runId,
      logger,
      deadLetter: new DeadLetterSink(publisher, `backbone-test-${runId}`, logger),
      maxStaleMs: 5000,
    });
    await reader.start();
    await reader.waitUntilCaughtUp(20000);
  });

  afterAll(async () => {
    await Promise.allSettled([
      reader.stop(),
      deadLetterConsumer.disconnect(),
      publisher.disconnect(),
      rawProducer.disconnect(),
    ]);
  });

  it('applies published state and tombstones, and tells listeners about each change', async () => {
    const key = `cmp_${runId}_a`;
    const changes: { key: string; had: boolean; has: boolean }[] = [];
    reader.onChange((change) => {
      if (change.key === key) changes.push({ key: change.key, had: !!change.previous, has: !!change.current });
    });

    await publisher.publish(TOPICS.campaignSchemas, key, campaignState(key, 'First', 1));
    await waitFor('state applied', async () => reader.get(key));
    await publisher.publish(TOPICS.campaignSchemas, key, campaignState(key, 'Renamed', 2));
    await waitFor('update applied', async () => (reader.get(key)?.version === 2 ? true : undefined));
    await publisher.publish(TOPICS.campaignSchemas, key, null);
    await waitFor('tombstone applied', async () => (reader.get(key) === undefined ? true : undefined));

    expect(changes).toEqual([
      { key, had: false, has: true },
      { key, had: true, has: true },
      { key, had: true, has: false },
    ]);
    expect(reader.fresh).toBe(true);
  });

  it('refuses to publish a payload that breaks its contract', async () => {
    const broken = { ...campaignState('cmp_x', 'x', 1), statuses: [] };
    await expect(publisher.publish(TOPICS.campaignSchemas, 'cmp_x', broken)).rejects.toThrow(/breaks its contract/);
  });

  it('sends a poison message to the dead-letter topic and keeps following the topic', async () => {
    const poisonKey = `cmp_${runId}_poison`;
    await rawProducer.send({
      topic: TOPICS.campaignSchemas,
      messages: [
        { key: poisonKey, value: '{"id": "not a campaign"}', headers: { [HEADERS.requestId]: `req-${runId}` } },
      ],
    });
    const goodKey = `cmp_${runId}_after`;
    await publisher.publish(TOPICS.campaignSchemas, goodKey, campaignState(goodKey, 'After poison', 1));

    await waitFor('record after the poison applied', async () => reader.get(goodKey));
    expect(reader.get(poisonKey)).toBeUndefined();
    const letter = await waitFor('dead letter', async () =>
      deadLetters.find(
        (message) =>
          headerValue(message.headers, HEADERS.dlqOffset) !== undefined && message.key?.toString() === poisonKey,
      ),
    );
    expect(headerValue(letter.headers, HEADERS.dlqTopic)).toBe(TOPICS.campaignSchemas);
    // The request id of the poisoned record is carried onto its dead letter.
    expect(headerValue(letter.headers, HEADERS.requestId)).toBe(`req-${runId}`);
    const body = JSON.parse(letter.value?.toString() ?? '{}') as { value: string; error: string };
    expect(body.value).toBe('{"id": "not a campaign"}');
    expect(body.error).toContain('breaks its contract');

    // Leave nothing behind for other readers of the shared topic.
    await publisher.publish(TOPICS.campaignSchemas, poisonKey, null);
    await publisher.publish(TOPICS.campaignSchemas, goodKey, null);
  });

  it('carries the request id of the publishing request in the Kafka headers', async () => {
    const key = `cmp_${runId}_rid`;
    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: `backbone-rid-${runId}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.campaignSchemas, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === key) seen.push(headerValue(message.headers, HEADERS.requestId) ?? '');
      },
    });
    try {
      await runWithRequestContext({ requestId: `rid-${runId}` }, () =>
        publisher.publish(TOPICS.campaignSchemas, key, campaignState(key, 'Traced', 1)),
      );
      await waitFor('traced record', async () => (seen.length > 0 ? true : undefined), 20000);
      expect(seen[0]).toBe(`rid-${runId}`);
    } finally {
      await consumer.disconnect();
      await publisher.publish(TOPICS.campaignSchemas, key, null);
    }
  });
});
