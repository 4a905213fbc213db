import { KAFKA_BROKERS, startService, waitFor } from '@leadgate/testing';
import { Kafka, logLevel } from 'kafkajs';
import {
  createLead,
  deliveries,
  partnerToken,
  subscribe,
  webhooksEnv,
  webhooksWorld,
  WebhooksWorld,
} from './webhook-test-setup';

/**
 * At least once, nothing lost (API.md §12): the webhooks service is killed (SIGKILL) while a
 * delivery is in flight and while a lead event waits on Kafka. After the restart the in-flight
 * delivery is sent again with the same webhook-id (its lease ran out), and the waiting event is
 * consumed and delivered (its offset was never committed).
 */
describe('webhook deliveries across a crash of the webhooks service', () => {
  let world: WebhooksWorld;
  // Short leases so the drill does not wait a minute for the dead worker's job (test only).
  const env = webhooksEnv({ WEBHOOK_DELIVERY_LEASE_MS: '2000' });

  beforeAll(async () => {
    world = await webhooksWorld(env);
  }, 180_000);

  /**
   * A test platform's consumer group starts at the topic's end on a partition where it has no
   * committed offset yet (production groups start at the beginning). So before the kill, every
   * partition gets a committed offset: leads are created until the group has one everywhere.
   */
  async function commitOnEveryPartition(): Promise<void> {
    const admin = new Kafka({
      clientId: 'webhooks-crash-test',
      brokers: KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const groupId = `webhooks.dispatch.${world.platform.runId}`;
      const committedEverywhere = async () => {
        const [topic] = await admin.fetchOffsets({ groupId, topics: ['leads.events.v1'] });
        return topic !== undefined && topic.partitions.every((partition) => Number(partition.offset) >= 0);
      };
      for (let round = 0; round < 20 && !(await committedEverywhere()); round += 1) {
        await Promise.all(
          Array.from({ length: 10 }, (_, index) => createLead(world, { name: `Warm-up ${round}.${index}` })),
        );
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      expect(await committedEverywhere()).toBe(true);
    } finally {
      await admin.disconnect();
    }
  }

  afterAll(async () => {
    await world?.platform.stop();
    await world?.receiver.stop();
  });

  it('re-sends what was in flight and delivers what arrived while it was down', async () => {
    await commitOnEveryPartition();
    const tokenId = await partnerToken(world, 'Partner');
    const path = '/hangs-once';
    let calls = 0;
    // The first request hangs (the sender dies waiting for it); every later one is answered.
    const hook = await subscribe(
      world,
      tokenId,
      world.receiver.url(path, () => (calls++ === 0 ? 0 : 204)),
    );
    const inFlight = await createLead(world, { name: 'In Flight' });
    await waitFor('the first attempt in flight', async () => world.receiver.at(path).length === 1);

    const webhooks = world.platform.services.webhooks!;
    await webhooks.kill();
    const whileDown = await createLead(world, { name: 'While Down' });
    world.platform.services.webhooks = await startService('webhooks', {
      // As startPlatform started it: the same port, database and consumer group.
      env: {
        ...env,
        PORT: String(webhooks.port),
        MONGO_DATABASE: `${world.platform.runId}_webhooks`,
        KAFKA_GROUP_SUFFIX: `.${world.platform.runId}`,
      },
    });

    const delivered = await waitFor(
      'both leads delivered after the restart',
      async () => {
        const jobs = await deliveries(world, hook.id);
        const done = jobs.filter((job) => job.status === 'delivered').map((job) => job.lead_id);
        return done.includes(inFlight) && done.includes(whileDown) ? jobs : undefined;
      },
      30_000,
      200,
    );
    const copies = (leadId: string) => world.receiver.at(path).filter((entry) => entry.body.includes(leadId));
    const resent = copies(inFlight);
    expect(resent).toHaveLength(2);
    expect(resent[1].headers['webhook-id']).toBe(resent[0].headers['webhook-id']);
    expect(resent[1].body).toBe(resent[0].body);
    expect(copies(whileDown)).toHaveLength(1);
    expect(delivered.filter((job) => job.lead_id === inFlight)).toHaveLength(1);
  }, 150_000);
});
