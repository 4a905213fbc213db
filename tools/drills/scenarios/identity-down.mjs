// @ts-check
// Identity stopped while partners keep calling: tokens the gateway already knows keep working (its
// read model comes from Kafka, within READ_MODEL_MAX_STALE_MS), creating a token fails closed
// with a problem+json 503 and leaves nothing behind, and everything recovers when identity is back.
import { sleep } from '../../bench/lib/cluster.mjs';
import { client, partnerWorld, until } from '../../bench/lib/world.mjs';
import { creatorsOutcome, startCreators } from '../lib/creators.mjs';
import { reconcile, watchLeadEvents } from '../lib/ledger.mjs';

export const title = 'Identity stopped while partners keep calling';

const DOWN_MS = 20000;

/** Partner reads in a loop, answers counted per phase. */
function startReaders(gateway, world) {
  const phases = {};
  const state = { phase: 'before', running: true };
  const partner = client(gateway, world.partnerToken.token);
  const done = Promise.all(
    Array.from({ length: 2 }, async () => {
      while (state.running) {
        const { status } = await partner('GET', `/v1/campaigns/${world.campaignId}/leads?limit=5`).catch(() => ({
          status: 'network',
        }));
        const counts = (phases[state.phase] ??= {});
        counts[status] = (counts[status] ?? 0) + 1;
      }
    }),
  );
  return { phases, state, stop: () => ((state.running = false), done) };
}

export async function run({ cluster, log, leads = 300 }) {
  const platform = await cluster.startPlatform({ docs: false });
  const world = await partnerWorld(cluster, 'Drill identity-down');
  const gateway = platform.gateways[0].url;
  const watch = await watchLeadEvents(cluster, world.campaignId);
  try {
    const readers = startReaders(gateway, world);
    const creators = startCreators({
      gatewayUrl: gateway,
      token: world.partnerToken.token,
      campaignId: world.campaignId,
      count: leads,
      concurrency: 2,
      runId: cluster.runId,
    });
    await sleep(2000);
    const identity = platform.identity;
    log(`stopping identity (pid ${identity.pid}) for ${DOWN_MS / 1000} s`);
    readers.state.phase = 'identity down';
    await identity.stop();
    const refused = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await world.admin('POST', `/v1/admin/campaigns/${world.campaignId}/tokens`, {
        name: `During outage ${attempt}`,
        permissions: ['read'],
        filter_id: world.filterId,
      });
      refused.push({ status: answer.status, problem: answer.body?.type ?? null });
      await sleep(DOWN_MS / 6);
    }
    readers.state.phase = 'identity back';
    const restarted = Date.now();
    platform.identity = await cluster.start('identity', { port: identity.port });
    const recovered = await until(
      'a new token can be created and is accepted at the gateway',
      async () => {
        const answer = await world.admin('POST', `/v1/admin/campaigns/${world.campaignId}/tokens`, {
          name: 'After outage',
          permissions: ['read'],
          filter_id: world.filterId,
        });
        if (answer.status !== 201) return undefined;
        await until(
          'the new token at the gateway',
          async () =>
            (await client(gateway, /** @type {string} */ (answer.body.token))('GET', '/v1/me')).status === 200,
          30000,
          10,
        );
        return true;
      },
      60000,
      100,
    ).catch(() => false);
    const recoveredMs = Date.now() - restarted;
    await sleep(2000);
    await readers.stop();
    await creators.done;
    const listed = await world.admin('GET', `/v1/admin/campaigns/${world.campaignId}/tokens`);
    const tokens = /** @type {{ name: string }[]} */ (listed.body?.data ?? []);
    const names = tokens.map((item) => String(item.name));
    const leftovers = names.filter((name) => name.startsWith('During outage')).length;
    const ledger = await reconcile(cluster, world.campaignId, watch, leads);
    const down = readers.phases['identity down'] ?? {};
    return {
      steps: [
        `2 partner readers (GET leads) and 2 partner writers (${leads} creates) running throughout`,
        `identity stopped (SIGTERM) for ${DOWN_MS / 1000} s; 5 token creations tried meanwhile; restarted on the same port; a new token created and accepted at the gateway ${recoveredMs} ms after the restart began`,
        `partner reads per phase: ${JSON.stringify(readers.phases)}`,
        `token creations while down: ${refused.map((item) => item.status).join(', ')} (${refused[0]?.problem ?? 'no problem type'})`,
      ],
      counts: { ...ledger.counts, leftoverTokens: leftovers, ...creatorsOutcome(creators.stats, leads).counts },
      checks: {
        ...ledger.checks,
        'known tokens kept working while identity was down (every read 200)':
          Object.keys(down).length > 0 && Object.keys(down).every((status) => status === '200'),
        'token creation failed closed (503) while identity was down': refused.every((item) => item.status === 503),
        'no token left behind by the refused creations': leftovers === 0,
        'a new token works after recovery': recovered,
        'the token list shows the token made after recovery (so the leftover check saw the list)':
          names.includes('After outage'),
        ...creatorsOutcome(creators.stats, leads).checks,
      },
    };
  } finally {
    await watch.stop();
  }
}
