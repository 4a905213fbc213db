import { KAFKA_BROKERS, MONGO_URL, waitFor } from '@leadgate/testing';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { Db, MongoClient } from 'mongodb';
import { leadsWorld, LeadsWorld } from './lead-test-setup';

type Json = Record<string, unknown>;

const LEADS = 1000;

/**
 * The bulk path of POST /leads/batch (ADR 008): 1,000 leads answered well inside the gateway's
 * timeout, one lead.created event each, and retries with the Idempotency-Key that create nothing
 * twice — whether the first answer is replayed or the first attempt died after its claims.
 */
describe('batch of 1,000 leads', () => {
  let world: LeadsWorld;
  let mongo: MongoClient;
  let db: Db;
  let consumer: Consumer;
  /** Kafka messages per lead.created event id, for this campaign's leads. */
  const created = new Map<string, number>();
  const body = { leads: Array.from({ length: LEADS }, (_, index) => ({ fields: { name: `Bulk lead ${index}` } })) };
  const headers = { 'idempotency-key': 'batch-ingest-1' };
  let first: { status: number; body: Json };
  let leadIds: string[];

  beforeAll(async () => {
    world = await leadsWorld();
    mongo = await MongoClient.connect(MONGO_URL);
    db = mongo.db(`${world.platform.runId}_leads`);
    const kafka = new Kafka({
      clientId: 'batch-ingest-test',
      brokers: KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
    consumer = kafka.consumer({ groupId: `batch-ingest-${world.platform.runId}` });
    await consumer.connect();
    // From the end of the topic, which holds every earlier run's events on a long-lived broker (read
    // from the beginning, they took longer than the wait below); the batches are sent only once the
    // consumer has its partitions, so none of this campaign's events is missed.
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topic: 'leads.events.v1', fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value!.toString()) as { id: string; type: string; data: Json };
        if (event.type !== 'lead.created' || event.data['campaign_id'] !== world.campaignId) return;
        created.set(event.id, (created.get(event.id) ?? 0) + 1);
      },
    });
    await joined;
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await mongo?.close();
    await world?.platform.stop();
  });

  const storedLeads = () => db.collection('leads').countDocuments({ campaign_id: world.campaignId });
  const allEventsSeen = () =>
    waitFor(
      'a lead.created event for every lead',
      async () => (leadIds.every((id) => created.has(`${id}:1`)) ? true : undefined),
      30000,
      100,
    );

  it('answers 200 with 1,000 created, and publishes exactly one lead.created per lead', async () => {
    const started = Date.now();
    first = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads/batch`, body, headers);
    const took = Date.now() - started;
    process.stdout.write(`[batch-ingest] ${LEADS} leads answered in ${took} ms\n`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: LEADS, failed: 0 });
    const results = first.body['results'] as { index: number; status: string; lead: Json }[];
    expect(results.map((result) => result.index)).toEqual(body.leads.map((_, index) => index));
    expect(results.every((result) => result.status === 'created')).toBe(true);
    expect(results[7]?.lead).toMatchObject({ fields: { name: 'Bulk lead 7' }, version: 1 });
    leadIds = results.map((result) => String(result.lead['id']));
    expect(new Set(leadIds).size).toBe(LEADS);
    expect(await storedLeads()).toBe(LEADS);

    await allEventsSeen();
    // A few relay sweeps later, still one message per lead: the sweep did not publish them again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(created.size).toBe(LEADS);
    expect([...created.values()].every((count) => count === 1)).toBe(true);
  });

  it('replays the same batch with the same Idempotency-Key and creates nothing new', async () => {
    const replay = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads/batch`, body, headers);
    expect(replay.status).toBe(200);
    expect(replay.body['results']).toEqual(first.body['results']);
    expect(await storedLeads()).toBe(LEADS);
    expect(await db.collection('lead_changes').countDocuments({})).toBe(LEADS);
  });

  it('completes a batch whose first attempt died after claiming, without creating anything twice', async () => {
    // The first attempt "died" after claiming ten leads in the change log and before putting them in
    // the outbox: its key is free again, the claims are there, the leads and their pending events are not.
    const lost = leadIds.slice(0, 10);
    await db.collection('idempotency_keys').deleteMany({});
    await db.collection<{ _id: string }>('leads').deleteMany({ _id: { $in: lost } });
    expect(await db.collection('lead_outbox').countDocuments({})).toBe(0);

    const retry = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads/batch`, body, headers);
    expect(retry.status).toBe(200);
    expect(retry.body['results']).toEqual(first.body['results']);
    expect(await storedLeads()).toBe(LEADS);
    expect(await db.collection('lead_changes').countDocuments({})).toBe(LEADS);
    await waitFor('every change published again and out of the outbox', async () =>
      (await db.collection('lead_outbox').countDocuments({})) === 0 ? true : undefined,
    );
    // Any redelivery carries the same event id: still one event id per lead, no others.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([...created.keys()].sort()).toEqual(leadIds.map((id) => `${id}:1`).sort());
  });

  it('rolls forward and publishes an outbox entry whose writer died before writing its leads', async () => {
    // A writer put three creates in the outbox and was killed before inserting the leads.
    const template = await db.collection<{ _id: string }>('leads').findOne({ _id: leadIds[0] });
    const orphans = ['a', 'b', 'c'].map((suffix) => ({ ...template, _id: `ld_outbox_orphan_${suffix}` }));
    const past = new Date(Date.now() - 60_000).toISOString();
    await db.collection<{ _id: string; [field: string]: unknown }>('lead_outbox').insertOne({
      _id: 'ob_test_orphan',
      created_at: past,
      changes_json: JSON.stringify(
        orphans.map((lead) => ({
          _id: `${lead._id}:1`,
          lead_id: lead._id,
          version: 1,
          type: 'lead.created',
          changed: ['fields'],
          actor: { kind: 'token', id: 'tok_test' },
          time: past,
          lead,
        })),
      ),
    });
    await waitFor('the orphaned entry published and gone', async () =>
      (await db.collection('lead_outbox').countDocuments({})) === 0 ? true : undefined,
    );
    const ids = orphans.map((lead) => lead._id);
    expect(await db.collection<{ _id: string }>('leads').countDocuments({ _id: { $in: ids } })).toBe(3);
    await waitFor('their events', async () => (ids.every((id) => created.has(`${id}:1`)) ? true : undefined));
  });
});
