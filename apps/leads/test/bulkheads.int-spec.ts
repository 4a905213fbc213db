import { MONGO_URL } from '@leadgate/testing';
import { MongoClient } from 'mongodb';
import { leadsWorld, LeadsWorld } from './lead-test-setup';

/**
 * Bulkheads (API.md §9, issue 20), through the gateway: with one batch at a time and a short
 * queue wait, batches beyond what the replica takes are answered 503 with Retry-After at once and
 * store nothing, while reads of the same campaign keep being served from their own pool.
 */
describe('bulkheads at the lead service', () => {
  let world: LeadsWorld;
  let mongo: MongoClient;

  beforeAll(async () => {
    world = await leadsWorld([], { leads: { BATCH_CONCURRENCY: '1', BULKHEAD_MAX_WAIT_MS: '100' } });
    mongo = await MongoClient.connect(MONGO_URL);
  });

  afterAll(async () => {
    await mongo?.close();
    await world?.platform.stop();
  });

  it('refuses batches over the pool with 503 and Retry-After, stores none of them, and keeps serving reads', async () => {
    const path = `/v1/campaigns/${world.campaignId}/leads`;
    const seed = await world.partner('POST', path, { fields: { name: 'Read me' } });
    expect(seed.status).toBe(201);
    const leadPath = `${path}/${String(seed.body['id'])}`;
    const batch = (n: number) => ({
      leads: Array.from({ length: 1000 }, (_, index) => ({ fields: { name: `Bulkhead ${n}.${index}` } })),
    });

    let batchesDone = false;
    const reads: number[] = [];
    const reader = (async () => {
      while (!batchesDone) {
        reads.push((await world.partner('GET', leadPath)).status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answers = await Promise.all([1, 2, 3, 4].map((n) => world.partner('POST', `${path}/batch`, batch(n))));
    batchesDone = true;
    await reader;

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    const refused = answers.find((answer) => answer.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 503, title: 'Service saturated' });

    const stored = await mongo
      .db(`${world.platform.runId}_leads`)
      .collection('leads')
      .countDocuments({ campaign_id: world.campaignId, 'fields.name': /^Bulkhead / });
    expect(stored).toBe(1000 * statuses.filter((status) => status === 200).length);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((status) => status === 200)).toBe(true);
  });
});
