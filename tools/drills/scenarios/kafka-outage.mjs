// @ts-check
// The Kafka broker stopped for 10 s mid-ingest, then started again.
import { resolveConfig, up } from '../../infra/infra.mjs';
import { stopKafka } from '../../infra/lib/kafka.mjs';
import { sleep } from '../../bench/lib/cluster.mjs';
import { client, partnerWorld, until } from '../../bench/lib/world.mjs';
import { creatorsOutcome, startCreators } from '../lib/creators.mjs';
import { LEAD_EVENTS, reconcile, watchLeadEvents } from '../lib/ledger.mjs';
import { topicEnds } from '../../bench/lib/events.mjs';

export const title = 'Kafka broker stopped for 10 s mid-ingest';

export async function run({ cluster, log, leads = 1000 }) {
  const platform = await cluster.startPlatform({ docs: false });
  const world = await partnerWorld(cluster, 'Drill kafka-outage');
  const gateway = platform.gateways[0].url;
  const startOffsets = await topicEnds(cluster.infra.KAFKA_BROKERS, LEAD_EVENTS);
  const creators = startCreators({
    gatewayUrl: gateway,
    token: world.partnerToken.token,
    campaignId: world.campaignId,
    count: leads,
    runId: cluster.runId,
  });
  await until('a fifth of the leads', async () => creators.stats.created >= leads / 5, 120000, 5);
  const before = creators.stats.created;
  const cfg = resolveConfig();
  log(`stopping Kafka after ${before} leads`);
  const stopping = Date.now();
  await stopKafka(cfg, () => {});
  const stoppedIn = Date.now() - stopping;
  const duringOutage = creators.stats.created;
  await sleep(10000);
  const createdWhileDown = creators.stats.created - duringOutage;
  log('starting Kafka again');
  const starting = Date.now();
  await up({ log: () => {} });
  const backIn = Date.now() - starting;
  const recovered = Date.now();
  await until(
    'the gateway answers again',
    async () => (await client(gateway, world.partnerToken.token)('GET', '/v1/me')).status === 200,
    120000,
    100,
  );
  const gatewayBackMs = Date.now() - recovered;
  await creators.done;
  // Events are read after the outage, from the offsets the topic had before the first lead.
  const watch = await watchLeadEvents(cluster, world.campaignId, startOffsets);
  try {
    const ledger = await reconcile(cluster, world.campaignId, watch, leads, 120000);
    return {
      steps: [
        `${leads} leads created by 8 clients with Idempotency-Key and retries`,
        `Kafka stopped after ${before} leads (controlled shutdown took ${stoppedIn} ms), kept down 10 s, started again (ready in ${backIn} ms); the gateway accepted the token again ${gatewayBackMs} ms after that`,
        `${createdWhileDown} leads were answered 201 while the broker was down (stored with their change log; events published by the relay after recovery)`,
      ],
      counts: { ...ledger.counts, ...creatorsOutcome(creators.stats, leads).counts },
      checks: { ...ledger.checks, ...creatorsOutcome(creators.stats, leads).checks },
    };
  } finally {
    await watch.stop();
  }
}
