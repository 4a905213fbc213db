// @ts-check
// Lead service SIGKILLed mid-ingest and restarted on the same port, while partners keep creating.
import { sleep } from '../../bench/lib/cluster.mjs';
import { until, partnerWorld } from '../../bench/lib/world.mjs';
import { creatorsOutcome, startCreators } from '../lib/creators.mjs';
import { reconcile, watchLeadEvents } from '../lib/ledger.mjs';

export const title = 'Lead service SIGKILLed and restarted mid-ingest';

export async function run({ cluster, log, leads = 1000 }) {
  const platform = await cluster.startPlatform({ docs: false });
  const world = await partnerWorld(cluster, 'Drill leads-kill');
  const watch = await watchLeadEvents(cluster, world.campaignId);
  try {
    const creators = startCreators({
      gatewayUrl: platform.gateways[0].url,
      token: world.partnerToken.token,
      campaignId: world.campaignId,
      count: leads,
      runId: cluster.runId,
    });
    await until('a third of the leads', async () => creators.stats.created >= leads / 3, 120000, 5);
    const killedAfter = creators.stats.created;
    const victim = platform.leads[0];
    log(`SIGKILL leads (pid ${victim.pid}) after ${killedAfter} leads`);
    await victim.kill();
    await sleep(500);
    const restartedAt = Date.now();
    platform.leads[0] = await cluster.start('leads', { port: victim.port });
    log(`leads back in ${Date.now() - restartedAt} ms`);
    await creators.done;
    const ledger = await reconcile(cluster, world.campaignId, watch, leads);
    return {
      steps: [
        `${leads} leads created by 8 clients with Idempotency-Key and retries`,
        `SIGKILL of the only leads process after ${killedAfter} leads were answered 201; restarted 500 ms later on the same port (ready in ${platform.leads[0].readyMs} ms)`,
      ],
      counts: { ...ledger.counts, ...creatorsOutcome(creators.stats, leads).counts },
      checks: { ...ledger.checks, ...creatorsOutcome(creators.stats, leads).checks },
    };
  } finally {
    await watch.stop();
  }
}
