// @ts-check
// A leads replica added and then removed under load: the gateway's upstream pool picks it up from
// its readiness, and on SIGTERM it drains (readiness 503, then closes) so nothing in flight fails.
import { freePort, sleep } from '../../bench/lib/cluster.mjs';
import { startLoad } from '../../bench/lib/load.mjs';
import { partnerWorld, until } from '../../bench/lib/world.mjs';
import { startCreators } from '../lib/creators.mjs';
import { reconcile, watchLeadEvents } from '../lib/ledger.mjs';
import { requestsServed } from '../lib/served.mjs';

export const title = 'A leads replica added and removed under load';

/** As deploy/k8s and docker-compose run the services: drain before closing. */
const LEADS_ENV = { SHUTDOWN_DRAIN_MS: '3000', SHUTDOWN_GRACE_MS: '20000' };

/**
 * @param {{ cluster: import('../../bench/lib/cluster.mjs').Cluster; log: (line: string) => void; leads?: number }} drill
 */
export async function run({ cluster, log, leads = 1000 }) {
  const spare = await freePort();
  const platform = await cluster.startPlatform({
    docs: false,
    leads: 2,
    spareLeadsPorts: [spare],
    leadsEnv: LEADS_ENV,
    gatewayEnv: { UPSTREAM_HEALTH_INTERVAL_MS: '500' },
  });
  const world = await partnerWorld(cluster, 'Drill leads-scale');
  const gateway = platform.gateways[0].url;
  const watch = await watchLeadEvents(cluster, world.campaignId);
  try {
    const readers = startLoad({
      url: `${gateway}/v1/campaigns/${world.campaignId}/leads?limit=5`,
      headers: { authorization: `Bearer ${world.partnerToken.token}` },
      connections: 4,
      duration: 3600,
    });
    const creators = startCreators({
      gatewayUrl: gateway,
      token: world.partnerToken.token,
      campaignId: world.campaignId,
      count: leads,
      concurrency: 4,
      runId: cluster.runId,
    });
    await sleep(3000);
    log(`adding a third leads replica on :${spare}`);
    const third = await cluster.start('leads', { port: spare, env: LEADS_ENV });
    await until('the new replica takes traffic', async () => ((await requestsServed(third)) ?? 0) > 50, 30000, 100);
    await sleep(5000);
    const servedByThird = await requestsServed(third);
    log(`removing it (SIGTERM) after it answered ${servedByThird} requests`);
    const exitCode = await third.stop();
    await sleep(3000);
    const reads = await readers.stop();
    await creators.done;
    const ledger = await reconcile(cluster, world.campaignId, watch, leads);
    const createErrors = Object.entries(creators.stats.statuses)
      .filter(([status]) => status !== '201')
      .reduce((sum, [, n]) => sum + n, 0);
    return {
      steps: [
        `2 leads replicas behind the gateway (health checks every 500 ms), plus a spare address; 4 readers (autocannon) and 4 writers (${leads} creates) throughout`,
        `third replica started on the spare address, answered ${servedByThird} requests, then SIGTERM (drain 3 s): exit ${exitCode}`,
        `reads: ${reads.ok} answered 200, ${reads.errors} not; creates: ${JSON.stringify(creators.stats.statuses)}, ${creators.stats.networkErrors} network errors`,
      ],
      counts: { ...ledger.counts, readsOk: reads.ok, readErrors: reads.errors, createErrors, servedByThird },
      checks: {
        ...ledger.checks,
        'the added replica took traffic': (servedByThird ?? 0) > 50,
        'no read failed while the replica came and went': reads.errors === 0,
        'no create failed (not even retried) while the replica came and went':
          createErrors === 0 && creators.stats.networkErrors === 0,
        'the removed replica exited cleanly': exitCode === 0,
      },
    };
  } finally {
    await watch.stop();
  }
}
