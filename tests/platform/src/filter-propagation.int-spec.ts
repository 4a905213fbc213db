import {
  adminPrincipal,
  bootstrapAdmin,
  campaignCreateBody,
  gatewayClient,
  OTHER_VALUE,
  PARTNER_CONDITION,
  PARTNER_VALUE,
  Platform,
  RunningService,
  signedFetch,
  startPlatform,
  startService,
  waitFor,
} from '@leadgate/testing';

/**
 * A filter change reaches the leads and docs read models, two replicas each, within a second of
 * the admin call's answer (issue #4). Times are printed; the bound is asserted.
 */
describe('filter change propagation', () => {
  let platform: Platform;
  let replicas: RunningService[];
  let admin: ReturnType<typeof gatewayClient>;
  let accountId: string;

  beforeAll(async () => {
    platform = await startPlatform();
    const account = await bootstrapAdmin(platform, 'Propagation test');
    accountId = account.account_id;
    admin = account.admin;
    replicas = await Promise.all(
      (['leads', 'leads', 'docs', 'docs'] as const).map((app, index) =>
        startService(app, { env: { MONGO_DATABASE: `${platform.runId}_${app}`, INSTANCE_ID: `${app}-${index}` } }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await platform.stop();
  });

  async function filterVersionOn(replica: RunningService, filterId: string): Promise<number | undefined> {
    const response = await signedFetch(
      replica.url,
      'GET',
      `/internal/read-models/campaigns.filters.v1/${filterId}`,
      adminPrincipal(accountId),
    );
    return response.status === 200 ? ((await response.json()) as { version: number }).version : undefined;
  }

  async function timesUntilEveryReplicaHas(filterId: string, version: number, answeredAt: number): Promise<number[]> {
    return Promise.all(
      replicas.map(async (replica) => {
        await waitFor(
          `filter v${version} on ${replica.app}`,
          async () => ((await filterVersionOn(replica, filterId)) === version ? true : undefined),
          5000,
          5,
        );
        return Date.now() - answeredAt;
      }),
    );
  }

  it('reaches two leads and two docs replicas within one second, on create and on every change', async () => {
    const campaign = await admin(
      'POST',
      '/v1/admin/campaigns',
      campaignCreateBody({
        name: 'Propagation',
        fields: [],
        selects: ['select_partner'],
        statuses: [],
        relations: false,
      }),
    );
    const campaignId = String(campaign.body['id']);
    const created = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, {
      name: 'Partner only',
      condition: PARTNER_CONDITION,
    });
    expect(created.status).toBe(201);
    const filterId = String(created.body['id']);
    const all: number[] = [...(await timesUntilEveryReplicaHas(filterId, 1, Date.now()))];

    for (let version = 2; version <= 6; version++) {
      const value = version % 2 === 0 ? OTHER_VALUE : PARTNER_VALUE;
      const changed = await admin('PATCH', `/v1/admin/campaigns/${campaignId}/filters/${filterId}`, {
        condition: { all: [{ select: 'select_partner', op: 'eq', value }] },
      });
      const answeredAt = Date.now();
      expect(changed.body['version']).toBe(version);
      all.push(...(await timesUntilEveryReplicaHas(filterId, version, answeredAt)));
    }
    const sorted = [...all].sort((a, b) => a - b);
    process.stdout.write(
      `[propagation] ${all.length} replica observations: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms\n`,
    );
    expect(Math.max(...all)).toBeLessThan(1000);
  });
});
