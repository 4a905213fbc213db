import { Principal } from '@leadgate/service-kit';
import { MONGO_URL, signedFetch } from '@leadgate/testing';
import { Db, MongoClient } from 'mongodb';
import { leadsWorld, LeadsWorld, partnerPrincipal } from './lead-test-setup';

type Json = Record<string, unknown>;
type BatchResult = { index: number; status: string; reason?: string; lead?: Json };

const LEADS = 600;
/**
 * The batch's time: far from both edges on a slow 2-core machine. A warm service reaches its first
 * chunk in 20-80 ms; 600 one-lead chunks (three or more database round trips each) take 4-6 s.
 */
const BUDGET_MS = 1000;

/**
 * Batches that tell the truth (API.md §9, issue 20): a batch whose deadline runs out part-way
 * answers 200 with the leads it created and `not_processed` (reason `deadline`) for the rest;
 * exactly the created ones are stored, and a retry with the same Idempotency-Key replays that
 * answer without storing more. One lead per chunk, so the deadline falls between chunks.
 */
describe('a batch whose deadline runs out part-way', () => {
  let world: LeadsWorld;
  let partner: Principal;
  let mongo: MongoClient;
  let db: Db;

  const names = Array.from({ length: LEADS }, (_, index) => `Partial lead ${index}`);
  const body = { leads: names.map((name) => ({ fields: { name } })) };
  const key = 'batch-partial-1';

  beforeAll(async () => {
    world = await leadsWorld([], { leads: { BATCH_COMMIT_CHUNK_SIZE: '1' } });
    partner = await partnerPrincipal(world);
    mongo = await MongoClient.connect(MONGO_URL);
    db = mongo.db(`${world.platform.runId}_leads`);
  });

  afterAll(async () => {
    await mongo?.close();
    await world?.platform.stop();
  });

  const postBatch = async (leads: unknown, deadline: number, idempotencyKey: string) => {
    const response = await signedFetch(
      world.platform.services.leads!.url,
      'POST',
      `/v1/campaigns/${world.campaignId}/leads/batch`,
      { ...partner, deadline },
      leads,
      { 'idempotency-key': idempotencyKey },
    );
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: (await response.json()) as Json,
    };
  };

  /** How many times each lead name is stored in the campaign. */
  const storedByName = async () => {
    const stored = await db
      .collection('leads')
      .find({ campaign_id: world.campaignId }, { projection: { 'fields.name': 1 } })
      .toArray();
    const counts = new Map<string, number>();
    for (const lead of stored) {
      const name = String((lead['fields'] as Json)['name']);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return counts;
  };

  it('answers 200 with what it created, stores exactly that, and replays the answer on retry', async () => {
    // Warm the service's batch path, so the real batch reaches its first chunk in a fraction of its budget.
    const warmUp = await postBatch({ leads: [{ fields: { name: 'Warm-up lead' } }] }, Date.now() + 30_000, 'warm-up');
    expect(warmUp.status).toBe(200);

    const started = Date.now();
    const first = await postBatch(body, started + BUDGET_MS, key);
    const took = Date.now() - started;
    expect(first.status).toBe(200);
    const results = first.body['results'] as BatchResult[];
    const created = results.filter((result) => result.status === 'created');
    const notProcessed = results.filter((result) => result.status === 'not_processed');
    process.stdout.write(
      `[batch-partial] ${created.length} created, ${notProcessed.length} not_processed in ${took} ms (budget ${BUDGET_MS} ms)\n`,
    );
    expect(created.length).toBeGreaterThan(0);
    expect(notProcessed.length).toBeGreaterThan(0);
    expect(created.length + notProcessed.length).toBe(LEADS);
    expect(first.body).toMatchObject({ created: created.length, failed: 0, not_processed: notProcessed.length });
    expect(results.map((result) => result.index)).toEqual(names.map((_, index) => index));
    // Chunks run in request order and none starts after one was stopped: created, then not_processed.
    expect(results.map((result) => result.status)).toEqual([
      ...Array<string>(created.length).fill('created'),
      ...Array<string>(notProcessed.length).fill('not_processed'),
    ]);
    expect(notProcessed.every((result) => result.reason === 'deadline')).toBe(true);

    const stored = await storedByName();
    const nameOf = (result: BatchResult) => names[result.index];
    expect(created.map(nameOf).filter((name) => stored.get(name) !== 1)).toEqual([]);
    expect(notProcessed.map(nameOf).filter((name) => stored.has(name))).toEqual([]);
    const storedCount = [...stored.values()].reduce((sum, count) => sum + count, 0);
    expect(storedCount).toBe(1 + created.length);

    const retried = await postBatch(body, Date.now() + 30_000, key);
    expect(retried.status).toBe(200);
    expect(retried.replayed).toBe('true');
    expect(retried.body).toEqual(first.body);
    expect(await storedByName()).toEqual(stored);
  });
});
