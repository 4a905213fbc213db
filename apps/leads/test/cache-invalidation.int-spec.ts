import { Principal } from '@leadgate/service-kit';
import { RunningService, signedFetch, startService, waitFor } from '@leadgate/testing';
import { leadsWorld, LeadsWorld, partnerPrincipal } from './lead-test-setup';

/**
 * Two leads replicas: a filter narrowed, a token's field access changed, or a token revoked, takes
 * effect on both within a second, with no restart and no TTL wait (issue #5, API.md §13). Each
 * replica is called as the gateway calls it.
 */
describe('cache invalidation across two leads replicas', () => {
  let world: LeadsWorld;
  let second: RunningService;
  let replicas: RunningService[];
  let partner: Principal;

  beforeAll(async () => {
    world = await leadsWorld();
    second = await startService('leads', {
      env: { MONGO_DATABASE: `${world.platform.runId}_leads`, INSTANCE_ID: 'leads-second' },
    });
    replicas = [world.platform.services.leads!, second];
    partner = await partnerPrincipal(world);
  });

  afterAll(async () => {
    await second?.stop();
    await world?.platform.stop();
  });

  const leadPath = (id: string) => `/v1/campaigns/${world.campaignId}/leads/${id}`;

  async function statusOn(replica: RunningService, path: string): Promise<number> {
    return (await signedFetch(replica.url, 'GET', path, partner)).status;
  }

  async function msUntilEveryReplica(path: string, status: number, since: number): Promise<number[]> {
    return Promise.all(
      replicas.map(async (replica) => {
        await waitFor(
          `${path} → ${status} on ${replica.url}`,
          async () => ((await statusOn(replica, path)) === status ? true : undefined),
          5000,
          5,
        );
        return Date.now() - since;
      }),
    );
  }

  it('stops showing a lead that left a narrowed filter, on both replicas, within a second', async () => {
    const created = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads`, {
      fields: { name: 'Aarhus', postcode: '8000' },
    });
    const id = String(created.body['id']);
    for (const replica of replicas) expect(await statusOn(replica, leadPath(id))).toBe(200);

    const narrowed = await world.admin('PATCH', `/v1/admin/campaigns/${world.campaignId}/filters/${world.filterId}`, {
      condition: {
        all: [
          { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
          { field: 'postcode', op: 'in', value: ['8200'] },
        ],
      },
    });
    expect(narrowed.status).toBe(200);
    const times = await msUntilEveryReplica(leadPath(id), 404, Date.now());
    process.stdout.write(
      `[invalidation] lead hidden after filter change: leads-a ${times[0]} ms, leads-b ${times[1]} ms\n`,
    );
    expect(Math.max(...times)).toBeLessThan(1000);
    for (const replica of replicas) {
      const list = await signedFetch(replica.url, 'GET', `/v1/campaigns/${world.campaignId}/leads?limit=500`, partner);
      const ids = ((await list.json()) as { data: { id: string }[] }).data.map((lead) => lead.id);
      expect(ids).not.toContain(id);
    }
  });

  it('reads through a changed field access on both replicas within a second, idempotent replays included', async () => {
    // Inside the filter the test above narrowed (postcode 8200), made before the token had field access.
    const body = { fields: { name: 'Viborg', postcode: '8200', email: 'viborg.lead@example.com' } };
    const key = { 'idempotency-key': 'before-field-access' };
    const created = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads`, body, key);
    expect(created.status).toBe(201);
    expect(created.body['fields']).toEqual(body.fields);
    const id = String(created.body['id']);

    const changed = await world.admin('PATCH', `/v1/admin/tokens/${world.partnerTokenId}`, {
      field_access: { hidden: ['email'], masked: ['name'], read_only: [] },
    });
    expect(changed.status).toBe(200);
    const since = Date.now();
    const narrowed = { name: 'V***', postcode: '8200' };
    const times = await Promise.all(
      replicas.map(async (replica) => {
        await waitFor(
          `the new field access on ${replica.url}`,
          async () => {
            const answer = await signedFetch(replica.url, 'GET', leadPath(id), partner);
            const lead = (await answer.json()) as { fields?: unknown };
            return answer.status === 200 && JSON.stringify(lead.fields) === JSON.stringify(narrowed) ? true : undefined;
          },
          5000,
          5,
        );
        return Date.now() - since;
      }),
    );
    process.stdout.write(`[invalidation] field access changed: leads-a ${times[0]} ms, leads-b ${times[1]} ms\n`);
    expect(Math.max(...times)).toBeLessThan(1000);
    for (const replica of replicas) {
      const list = await signedFetch(replica.url, 'GET', `/v1/campaigns/${world.campaignId}/leads?limit=500`, partner);
      const text = await list.text();
      expect(text).toContain(id);
      expect(text).not.toMatch(/"email":|viborg\.lead@/);
    }
    // The answer kept under the key was made before the change; it is answered through the access of now.
    const replay = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads`, body, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ id, fields: narrowed });
  });

  it('refuses a revoked token on both replicas within a second, even when called directly', async () => {
    const revoked = await world.admin('POST', `/v1/admin/tokens/${world.partnerTokenId}/revoke`);
    expect(revoked.status).toBe(200);
    const times = await msUntilEveryReplica(`/v1/campaigns/${world.campaignId}/leads`, 401, Date.now());
    process.stdout.write(`[invalidation] revoked token refused: leads-a ${times[0]} ms, leads-b ${times[1]} ms\n`);
    expect(Math.max(...times)).toBeLessThan(1000);
  });
});
