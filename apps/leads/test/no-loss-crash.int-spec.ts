import {
  bootstrapAdmin,
  KAFKA_BROKERS,
  MONGO_URL,
  Platform,
  startPlatform,
  startService,
  waitFor,
} from '@leadgate/testing';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

const LEADS = 1000;
const CLIENTS = 8;

/**
 * No-loss drill (issue #5): while 1,000 leads are being created by clients that retry with their
 * Idempotency-Key, the lead service is killed with SIGKILL and restarted. Afterwards exactly 1,000
 * leads exist and every one has its lead.created event on Kafka (duplicates only with the same id).
 */
describe('no lead and no event lost when the lead service is killed mid-ingest', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({
      apps: ['identity', 'campaigns', 'leads'],
      env: { leads: { EVENT_RELAY_INTERVAL_MS: '200', IDEMPOTENCY_LEASE_MS: '2000' } },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('keeps exactly 1,000 leads and 1,000 lead.created events across a SIGKILL', async () => {
    const account = await bootstrapAdmin(platform, 'No-loss drill');
    const admin = account.admin;
    const campaign = await admin('POST', '/v1/admin/campaigns', {
      name: 'Drill',
      fields: [{ key: 'name', label: 'Name', type: 'text', required: true }],
    });
    const campaignId = String(campaign.body['id']);
    const path = `/v1/campaigns/${campaignId}/leads`;
    await waitFor('campaign at leads', async () => ((await admin('GET', path)).status === 200 ? true : undefined));

    // Events from the end of the topic, which on a long-lived broker holds every earlier run's (read
    // from the beginning they took longer than the wait below); the creates start once the consumer
    // has its partitions, so none of this campaign's events is missed.
    const kafka = new Kafka({
      clientId: 'no-loss-test',
      brokers: KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `no-loss-${platform.runId}` });
    const eventIds = new Map<string, Set<string>>();
    await consumer.connect();
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topic: 'leads.events.v1', fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value!.toString()) as {
          id: string;
          type: string;
          subject: string;
          data: { campaign_id?: string };
        };
        if (event.type !== 'lead.created' || event.data.campaign_id !== campaignId) return;
        eventIds.set(event.subject, (eventIds.get(event.subject) ?? new Set()).add(event.id));
      },
    });
    await joined;

    let created = 0;
    let retries = 0;
    const createWithRetries = async (index: number) => {
      for (;;) {
        try {
          const response = await admin(
            'POST',
            path,
            { fields: { name: `Lead ${index}` } },
            { 'idempotency-key': `drill-${index}` },
          );
          if (response.status === 201) return void created++;
          if (response.status < 500 && response.status !== 409) throw new Error(`lead ${index}: ${response.status}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith(`lead ${index}:`)) throw error;
        }
        retries++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const queue = Array.from({ length: LEADS }, (_, index) => index);
    const clients = Array.from({ length: CLIENTS }, async () => {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) await createWithRetries(index);
    });

    // Kill the lead service once a third of the leads are in, then bring it back on the same port.
    const leads = platform.services.leads!;
    await waitFor('a third of the leads', async () => (created >= LEADS / 3 ? true : undefined), 60000, 5);
    const killedAt = created;
    await leads.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const restarted = await startService('leads', {
      env: {
        PORT: String(leads.port),
        MONGO_DATABASE: `${platform.runId}_leads`,
        EVENT_RELAY_INTERVAL_MS: '200',
        IDEMPOTENCY_LEASE_MS: '2000',
      },
    });
    platform.services.leads = restarted;
    await Promise.all(clients);
    process.stdout.write(
      `[no-loss] SIGKILL after ${killedAt} leads; ${retries} client retries; ${created} creates answered 201\n`,
    );

    const mongo = await MongoClient.connect(MONGO_URL);
    const stored = await mongo
      .db(`${platform.runId}_leads`)
      .collection('leads')
      .find({ campaign_id: campaignId })
      .project({ _id: 1 })
      .toArray();
    await mongo.close();
    expect(stored).toHaveLength(LEADS);
    const leadIds = new Set(stored.map((lead) => String(lead['_id'])));

    try {
      await waitFor(
        'a lead.created event for every lead',
        async () => ([...leadIds].every((id) => eventIds.has(id)) ? true : undefined),
        60000,
        100,
      );
    } finally {
      await consumer.disconnect();
    }
    // Redeliveries are allowed, but only ever with the same event id.
    expect([...eventIds.keys()].filter((id) => !leadIds.has(id))).toEqual([]);
    for (const [leadId, ids] of eventIds) expect([...ids]).toEqual([`${leadId}:1`]);
  });
});
