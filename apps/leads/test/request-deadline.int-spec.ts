import { Principal } from '@leadgate/service-kit';
import { MONGO_URL, RunningService, signedFetch } from '@leadgate/testing';
import { Db, MongoClient } from 'mongodb';
import { leadsWorld, LeadsWorld, partnerPrincipal } from './lead-test-setup';

type Json = Record<string, unknown>;

/**
 * Deadlines that travel (API.md §9, issue 20): the lead service, called as the gateway calls it,
 * starts no work that commits once the signed deadline has passed. A create answers 504 and stores
 * nothing; so does a batch that could start nothing; the same request with time left succeeds, and
 * an Idempotency-Key freed by the 504 is usable again.
 */
describe('request deadline at the lead service', () => {
  let world: LeadsWorld;
  let leads: RunningService;
  let partner: Principal;
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    world = await leadsWorld();
    leads = world.platform.services.leads!;
    partner = await partnerPrincipal(world);
    mongo = await MongoClient.connect(MONGO_URL);
    db = mongo.db(`${world.platform.runId}_leads`);
  });

  afterAll(async () => {
    await mongo?.close();
    await world?.platform.stop();
  });

  const leadsPath = () => `/v1/campaigns/${world.campaignId}/leads`;
  const stored = (name: string) =>
    db.collection('leads').countDocuments({ campaign_id: world.campaignId, 'fields.name': name });
  const call = async (path: string, body: unknown, deadline: number | undefined, key?: string) => {
    const principal = { ...partner, ...(deadline === undefined ? {} : { deadline }) };
    const response = await signedFetch(leads.url, 'POST', path, principal, body, key ? { 'idempotency-key': key } : {});
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Json,
    };
  };

  it('answers 504 problem+json to a create whose deadline passed, and stores nothing', async () => {
    const answer = await call(leadsPath(), { fields: { name: 'Too late' } }, Date.now() - 1);
    expect(answer.status).toBe(504);
    expect(answer.type).toMatch(/application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 504, title: 'Deadline exceeded' });
    expect(answer.body['detail']).toMatch(/nothing of it was stored/);
    expect(await stored('Too late')).toBe(0);

    const inTime = await call(leadsPath(), { fields: { name: 'In time' } }, Date.now() + 10_000);
    expect(inTime.status).toBe(201);
    expect(await stored('In time')).toBe(1);
  });

  it('frees the Idempotency-Key of a create it did not carry out', async () => {
    const body = { fields: { name: 'Keyed, late first' } };
    expect((await call(leadsPath(), body, Date.now() - 1, 'deadline-key-1')).status).toBe(504);
    const retried = await call(leadsPath(), body, Date.now() + 10_000, 'deadline-key-1');
    expect(retried.status).toBe(201);
    expect(await stored('Keyed, late first')).toBe(1);
  });

  it('answers 504 to a batch that could start nothing, and stores none of it', async () => {
    const leadsOfBatch = Array.from({ length: 300 }, (_, index) => ({ fields: { name: `Late batch ${index % 2}` } }));
    const answer = await call(`${leadsPath()}/batch`, { leads: leadsOfBatch }, Date.now() - 1);
    expect(answer.status).toBe(504);
    expect((await stored('Late batch 0')) + (await stored('Late batch 1'))).toBe(0);

    const inTime = await call(`${leadsPath()}/batch`, { leads: leadsOfBatch }, Date.now() + 30_000);
    expect(inTime.status).toBe(200);
    expect(inTime.body).toMatchObject({ created: 300, failed: 0, not_processed: 0 });
  });
});
