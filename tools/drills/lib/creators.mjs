// @ts-check
// Partner clients that create leads the way a careful integration does: each lead with its own
// Idempotency-Key, retried after a network error, a 5xx or a 409 (the first attempt still in
// flight) until it is answered 201. Anything else is a failure of the drill.
import { sleep } from '../../bench/lib/cluster.mjs';
import { leadBody } from '../../bench/lib/world.mjs';

export function startCreators({ gatewayUrl, token, campaignId, count, concurrency = 8, runId }) {
  /** @type {{ created: number; retries: number; statuses: Record<number, number>; networkErrors: number; failures: string[] }} */
  const stats = { created: 0, retries: 0, statuses: {}, networkErrors: 0, failures: [] };
  const queue = Array.from({ length: count }, (_, index) => index);
  const createOne = async (index) => {
    for (;;) {
      try {
        const response = await fetch(`${gatewayUrl}/v1/campaigns/${campaignId}/leads`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': `${runId}-${index}`,
          },
          body: JSON.stringify(leadBody(index)),
          signal: AbortSignal.timeout(30000),
        });
        await response.body?.cancel();
        stats.statuses[response.status] = (stats.statuses[response.status] ?? 0) + 1;
        if (response.status === 201) return void stats.created++;
        if (response.status < 500 && response.status !== 409) {
          stats.failures.push(`lead ${index}: ${response.status}`);
          return;
        }
      } catch {
        stats.networkErrors++;
      }
      stats.retries++;
      await sleep(200);
    }
  };
  const done = Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) await createOne(index);
    }),
  );
  return { stats, done };
}

/** What the creators add to a drill's counts and checks. */
export function creatorsOutcome(stats, leads) {
  return {
    counts: { retries: stats.retries, answers: JSON.stringify(stats.statuses), networkErrors: stats.networkErrors },
    checks: { 'every lead answered 201 in the end': stats.failures.length === 0 && stats.created === leads },
  };
}
