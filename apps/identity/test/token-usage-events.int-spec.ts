import { HEADERS, TOPICS } from '@leadgate/contracts';
import { createKafkaClient, headerValue, KafkaPublisher } from '@leadgate/kafka';
import {
  bootstrapAccount,
  gatewayClient,
  KAFKA_BROKERS,
  Platform,
  startPlatform,
  uniqueRunId,
  waitFor,
} from '@leadgate/testing';
import pino from 'pino';

type Kafka = ReturnType<typeof createKafkaClient>;
type Consumer = ReturnType<Kafka['consumer']>;
type Producer = ReturnType<Kafka['producer']>;
type EachMessage = NonNullable<NonNullable<Parameters<Consumer['run']>[0]>['eachMessage']>;
type Message = Parameters<EachMessage>[0]['message'];

/**
 * identity's token-usage consumer, an `@OnTopicEvent` handler on Nest's Kafka transport (ADR 012):
 * usage reports land as last_used_at, repeated and older reports change nothing, a message that
 * breaks the topic's contract goes to the dead-letter topic with its request id and does not stop
 * the partition, and readiness names the connected consumer group.
 */
describe('token usage events', () => {
  const runId = uniqueRunId();
  const logger = pino({ level: 'silent' });
  let platform: Platform;
  let admin: ReturnType<typeof gatewayClient>;
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let rawProducer: Producer;
  let deadLetterConsumer: Consumer;
  const deadLetters: Message[] = [];

  beforeAll(async () => {
    // Consumer groups of its own, so no identity of another run on the shared broker takes its events.
    platform = await startPlatform({ apps: ['identity'], env: { identity: { KAFKA_GROUP_SUFFIX: `.${runId}` } } });
    const account = await bootstrapAccount(platform.services.identity!.url, 'Token usage events test');
    admin = gatewayClient(platform.gateway.url, account.admin_token);
    await waitFor('owner token at the gateway', async () =>
      (await admin('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    kafka = createKafkaClient({ clientId: `token-usage-${runId}`, brokers: KAFKA_BROKERS.split(','), logger });
    publisher = new KafkaPublisher(kafka, `token-usage-test-${runId}`);
    await publisher.connect();
    rawProducer = kafka.producer({ allowAutoTopicCreation: false });
    await rawProducer.connect();
    deadLetterConsumer = kafka.consumer({ groupId: `token-usage-dlq-${runId}`, maxWaitTimeInMs: 100 });
    await deadLetterConsumer.connect();
    // From the beginning (the test's letters are found by their key): a new group reading from the
    // end resolves "the end" only at its first fetch, which a busy machine can make after the letters.
    await deadLetterConsumer.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
    let assigned = false;
    deadLetterConsumer.on(deadLetterConsumer.events.GROUP_JOIN, () => (assigned = true));
    await deadLetterConsumer.run({ eachMessage: async ({ message }) => void deadLetters.push(message) });
    await waitFor('dead-letter consumer to join', async () => (assigned ? true : undefined), 20000);
  });

  afterAll(async () => {
    await Promise.allSettled([publisher?.disconnect(), rawProducer?.disconnect(), deadLetterConsumer?.disconnect()]);
    await platform?.stop();
  });

  async function newToken(name: string): Promise<string> {
    const created = await admin('POST', '/v1/admin/tokens', { name, scopes: ['campaigns:read'] });
    expect(created.status).toBe(201);
    expect(created.body['last_used_at']).toBeNull();
    return String(created.body['id']);
  }

  const lastUsedAt = async (tokenId: string) =>
    (await admin('GET', `/v1/admin/tokens/${tokenId}`)).body['last_used_at'] as string | null;

  it('is ready only with its consumer connected and in its group', async () => {
    const response = await fetch(`${platform.services.identity!.managementUrl}/health/ready`);
    const report = (await response.json()) as { checks: Record<string, { ready: boolean; detail?: unknown }> };
    expect(response.status).toBe(200);
    expect(report.checks['kafka_consumer']).toMatchObject({
      ready: true,
      detail: { group: `identity.token-usage.${runId}`, connected: true, joined: true },
    });
  });

  it('keeps the newest last_used_at of repeated and out-of-order reports', async () => {
    const tokenId = await newToken('Reported');
    const newest = new Date(Date.now() - 1000).toISOString();
    const older = new Date(Date.now() - 60_000).toISOString();
    const report = (at: string) => ({ gateway: `gw-${runId}`, usage: [{ token_id: tokenId, last_used_at: at }] });
    await publisher.publish(TOPICS.tokenUsage, tokenId, report(newest));
    await publisher.publish(TOPICS.tokenUsage, tokenId, report(newest));
    await publisher.publish(TOPICS.tokenUsage, tokenId, report(older));
    const marker = await newToken('Marker');
    // Same key, same partition: once the marker's report is in, every report before it was handled.
    await publisher.publish(TOPICS.tokenUsage, tokenId, {
      gateway: `gw-${runId}`,
      usage: [{ token_id: marker, last_used_at: newest }],
    });
    await waitFor('marker report handled', async () => ((await lastUsedAt(marker)) !== null ? true : undefined));
    expect(await lastUsedAt(tokenId)).toBe(newest);
  });

  it('sends poison messages to the dead-letter topic with their request id, and keeps consuming', async () => {
    const tokenId = await newToken('After poison');
    const key = `poison-${runId}`;
    const requestId = `req-${runId}`;
    await rawProducer.send({
      topic: TOPICS.tokenUsage,
      messages: [
        { key, value: 'not json at all', headers: { [HEADERS.requestId]: requestId } },
        { key, value: '{"gateway": 1, "usage": "none"}', headers: { [HEADERS.requestId]: requestId } },
      ],
    });
    const at = new Date(Date.now() - 500).toISOString();
    await publisher.publish(TOPICS.tokenUsage, key, {
      gateway: `gw-${runId}`,
      usage: [{ token_id: tokenId, last_used_at: at }],
    });

    // The report behind the poison on the same partition is handled: the poison did not block it.
    await waitFor('report after the poison', async () => ((await lastUsedAt(tokenId)) === at ? true : undefined));
    const letters = await waitFor('both dead letters', async () => {
      const found = deadLetters.filter(
        (message) => message.key?.toString() === key && headerValue(message.headers, HEADERS.dlqTopic) !== undefined,
      );
      // At least once: a message handled again after a rebalance (offsets commit once a second) is
      // dead-lettered again; one letter per poisoned offset is what counts.
      const byOffset = new Map(found.map((message) => [headerValue(message.headers, HEADERS.dlqOffset), message]));
      return byOffset.size === 2 ? [...byOffset.values()] : undefined;
    });
    for (const letter of letters) {
      expect(headerValue(letter.headers, HEADERS.dlqTopic)).toBe(TOPICS.tokenUsage);
      expect(headerValue(letter.headers, HEADERS.requestId)).toBe(requestId);
      const body = JSON.parse(letter.value?.toString() ?? '{}') as { topic: string; consumer: string; error: string };
      expect(body.topic).toBe(TOPICS.tokenUsage);
      expect(body.consumer).toMatch(/^identity/);
    }
    const values = letters.map((letter) => (JSON.parse(letter.value!.toString()) as { value: string }).value);
    expect(values.sort()).toEqual(['not json at all', '{"gateway": 1, "usage": "none"}'].sort());
  });
});
