import {
  bootstrapAdmin,
  freePort,
  MONGO_URL,
  RunningService,
  startPlatform,
  startService,
  waitFor,
} from '@leadgate/testing';
import { campaignCreateBody } from '@leadgate/contracts/testing';
import { MongoClient } from 'mongodb';

/** The count of batch requests one leads replica refused (its management /metrics). */
async function refusedBatches(replica: RunningService): Promise<number> {
  const text = await (await fetch(`${replica.managementUrl}/metrics`)).text();
  const match = text.match(/^bulkhead_refused_requests_total\{[^}]*pool="batch"[^}]*\} (\d+)$/m);
  return Number(match?.[1] ?? 0);
}

/**
 * Balancing away from a saturated replica (issue 20): of two leads replicas, one takes a single
 * batch at a time. Batches beyond that are shed there (503 before anything started, readiness
 * "saturated"), and the gateway sends them on to the replica with room, whatever the method: the
 * partner sees every batch created once, and none refused while the platform has a place for it.
 */
describe('gateway over a saturated leads replica', () => {
  it('sends batches a saturated replica shed to the other one, and the partner sees only successes', async () => {
    const [portSmall, portLarge] = await Promise.all([freePort(), freePort()]);
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const platform = await startPlatform({
      apps: ['identity', 'campaigns'],
      env: { gateway: { LEADS_URL: [portSmall, portLarge].map(url).join(','), UPSTREAM_HEALTH_INTERVAL_MS: '250' } },
    });
    const replicas: RunningService[] = [];
    const mongo = await MongoClient.connect(MONGO_URL);
    try {
      const leadsOn = (port: number, name: string, batches: number) =>
        startService('leads', {
          env: {
            PORT: String(port),
            MONGO_DATABASE: `${platform.runId}_leads`,
            INSTANCE_ID: name,
            BATCH_CONCURRENCY: String(batches),
            BULKHEAD_MAX_WAIT_MS: '100',
          },
        });
      replicas.push(
        ...(await Promise.all([leadsOn(portSmall, 'leads-small', 1), leadsOn(portLarge, 'leads-large', 8)])),
      );
      const [small] = replicas;

      const { admin } = await bootstrapAdmin(platform, 'Saturation test');
      const campaign = await admin(
        'POST',
        '/v1/admin/campaigns',
        campaignCreateBody({ name: 'Saturation', fields: ['name'] }),
      );
      const campaignId = String(campaign.body['id']);
      const leads = `/v1/campaigns/${campaignId}/leads`;
      await waitFor('lead list on both replicas', async () => {
        for (let call = 0; call < 6; call++) if ((await admin('GET', leads)).status !== 200) return undefined;
        return true;
      });

      const readinessOfSmall = async () =>
        ((await (await fetch(`${small.url}/health/ready`)).json()) as { status: string }).status;
      const readiness: string[] = [];
      let sending = true;
      const prober = (async () => {
        while (sending) {
          readiness.push(await readinessOfSmall());
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      const batch = (n: number) => ({
        leads: Array.from({ length: 1000 }, (_, index) => ({ fields: { name: `Shed ${n}.${index}` } })),
      });
      const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => admin('POST', `${leads}/batch`, batch(n))));
      sending = false;
      await prober;

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.every((answer) => answer.headers.get('x-leadgate-shed') === null)).toBe(true);
      const stored = await mongo
        .db(`${platform.runId}_leads`)
        .collection('leads')
        .countDocuments({ campaign_id: campaignId, 'fields.name': /^Shed / });
      expect(stored).toBe(6000);
      // The small replica did refuse some (so the gateway did send them on), and said it was saturated.
      expect(await refusedBatches(small)).toBeGreaterThan(0);
      expect(readiness).toContain('saturated');
      expect(readiness.every((status) => status === 'ok' || status === 'saturated')).toBe(true);
      await waitFor('the small replica ready with room again', async () =>
        (await readinessOfSmall()) === 'ok' ? true : undefined,
      );
    } finally {
      await mongo.close();
      await Promise.all(replicas.map((replica) => replica.stop()));
      await platform.stop();
    }
  });
});
