import { adminPrincipal, RunningService, signedFetch, startService, uniqueRunId, waitFor } from '@leadgate/testing';

interface ReadModelListing {
  data: { topic: string; entries: number; caught_up: boolean; fingerprint: string }[];
}

const SCHEMAS_TOPIC = 'campaigns.schemas.v1';

/**
 * A state change published by one service (campaigns) reaches two running replicas of another
 * service's read model (leads), and a replica started afterwards rebuilds the same state from the
 * compacted topic. Real Kafka, real FerretDB, real processes.
 */
describe('read models across replicas (campaigns -> leads)', () => {
  const runId = uniqueRunId();
  const account = `acc_${runId}`;
  const admin = adminPrincipal(account);
  const started: RunningService[] = [];
  let campaigns: RunningService;
  let replicaA: RunningService;
  let replicaB: RunningService;

  beforeAll(async () => {
    [campaigns, replicaA, replicaB] = await Promise.all([
      startService('campaigns', { env: { MONGO_DATABASE: `${runId}_campaigns` } }),
      startService('leads', { env: { MONGO_DATABASE: `${runId}_leads`, INSTANCE_ID: 'leads-a' } }),
      startService('leads', { env: { MONGO_DATABASE: `${runId}_leads`, INSTANCE_ID: 'leads-b' } }),
    ]);
    started.push(campaigns, replicaA, replicaB);
  });

  afterAll(async () => {
    await Promise.all(started.map((service) => service.stop()));
  });

  async function entryOn(replica: RunningService, campaignId: string) {
    const response = await signedFetch(
      replica.url,
      'GET',
      `/internal/read-models/${SCHEMAS_TOPIC}/${campaignId}`,
      admin,
    );
    return response.status === 200
      ? ((await response.json()) as { id: string; name: string; version: number })
      : undefined;
  }

  async function fingerprintOn(replica: RunningService): Promise<string> {
    const response = await signedFetch(replica.url, 'GET', '/internal/read-models', admin);
    expect(response.status).toBe(200);
    const listing = (await response.json()) as ReadModelListing;
    const schemas = listing.data.find((model) => model.topic === SCHEMAS_TOPIC);
    if (!schemas?.caught_up) throw new Error(`${SCHEMAS_TOPIC} not caught up on ${replica.url}`);
    return schemas.fingerprint;
  }

  it('shows a campaign created on one service in both running replicas of another', async () => {
    const created = await signedFetch(campaigns.url, 'POST', '/v1/admin/campaigns', admin, { name: 'Heat pumps DK' });
    expect(created.status).toBe(201);
    const acknowledgedAt = Date.now();
    const campaign = (await created.json()) as { id: string; name: string; version: number };

    const seenAfterMs = await Promise.all(
      [replicaA, replicaB].map(async (replica) => {
        const entry = await waitFor(`campaign on ${replica.url}`, () => entryOn(replica, campaign.id), 10000, 10);
        expect(entry).toMatchObject({ id: campaign.id, name: 'Heat pumps DK', version: 1, account_id: account });
        return Date.now() - acknowledgedAt;
      }),
    );
    process.stdout.write(
      `[read-model] campaign visible on leads-a after ${seenAfterMs[0]} ms, leads-b after ${seenAfterMs[1]} ms\n`,
    );
    expect(await fingerprintOn(replicaA)).toBe(await fingerprintOn(replicaB));
  });

  it('rebuilds the same state in a replica started later, from the compacted topic', async () => {
    const created = await signedFetch(campaigns.url, 'POST', '/v1/admin/campaigns', admin, { name: 'Solar SE' });
    const campaign = (await created.json()) as { id: string };
    await waitFor('second campaign on leads-a', () => entryOn(replicaA, campaign.id), 10000, 10);
    await waitFor('second campaign on leads-b', () => entryOn(replicaB, campaign.id), 10000, 10);

    const bootStarted = Date.now();
    const late = await startService('leads', { env: { MONGO_DATABASE: `${runId}_leads`, INSTANCE_ID: 'leads-late' } });
    started.push(late);
    process.stdout.write(`[read-model] late replica ready (caught up) in ${Date.now() - bootStarted} ms\n`);

    expect(await entryOn(late, campaign.id)).toMatchObject({ id: campaign.id, name: 'Solar SE' });
    const [fingerprintLate, fingerprintA] = [await fingerprintOn(late), await fingerprintOn(replicaA)];
    expect(fingerprintLate).toBe(fingerprintA);
  });

  it('refuses the internal read-model view without a gateway signature or without admin', async () => {
    const unsigned = await fetch(`${replicaA.url}/internal/read-models`);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('content-type')).toContain('application/problem+json');
    const reader = await signedFetch(
      replicaA.url,
      'GET',
      '/internal/read-models',
      adminPrincipal(account, ['leads:read']),
    );
    expect(reader.status).toBe(403);
  });
});
