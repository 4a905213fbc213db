// @ts-check
// Batches offered at four times what the platform sustains, for a minute, while a reader keeps
// reading: every lead acknowledged is stored once, nothing is stored for a batch or item that was
// refused (503, 504, 429) or not_processed, reads keep being answered, and read latency is back to
// normal within seconds of the load stopping (API.md §9, issue 20).
import { percentile, round } from '../../bench/lib/load.mjs';
import { campaignToken, client, partnerWorld } from '../../bench/lib/world.mjs';
import { countLeads } from '../lib/ledger.mjs';

export const title = 'Batches at 4x the sustainable rate for 60 s, with a reader at a fixed rate';

const BATCH = 1000;
const READ_RATE = 20;

/**
 * @param {{ cluster: import('../../bench/lib/cluster.mjs').Cluster; log: (line: string) => void; seconds?: number }} drill
 */
export async function run({ cluster, log, seconds = Number(process.env['OVERLOAD_SECONDS'] ?? 60) }) {
  const platform = await cluster.startPlatform({ docs: false });
  const gateway = platform.gateways[0].url;
  const world = await partnerWorld(cluster, 'Drill overload');
  const partner = client(gateway, world.partnerToken.token);
  // The reader is another partner of the same campaign: the loader's backlog must not cost it its reads.
  const readerToken = await campaignToken(world.admin, world.campaignId, world.filterId, 'Drill overload reader');
  const reading = client(gateway, readerToken.token);
  const leadsPath = `/v1/campaigns/${world.campaignId}/leads`;
  const seed = await reading('POST', leadsPath, {
    fields: { name: 'Read target', email: 'r@example.com', postcode: '1000' },
  });
  const readPath = `${leadsPath}/${String(seed.body['id'])}`;
  // The store as `npm start` keeps it: the GIN indexes FerretDB's lookups use (tools/infra), on the
  // collections the services made; without them every read is a scan of the growing table.
  await cluster.ensureStoreIndexes();
  const ledger = { acknowledged: new Set(), refused: new Set(), statuses: /** @type {Record<string, number>} */ ({}) };
  let batchNumber = 0;

  /** One batch of unique names; its outcome goes into the ledger item by item. */
  const sendBatch = async () => {
    const number = batchNumber++;
    const names = Array.from({ length: BATCH }, (_, index) => `ovl-${number}-${index}`);
    const body = {
      leads: names.map((name, index) => ({ fields: { name, email: `o${index}@example.com`, postcode: '1000' } })),
    };
    let status = 0;
    try {
      const answer = await partner('POST', `${leadsPath}/batch`, body);
      status = answer.status;
      const results = /** @type {{ status: string }[]} */ (answer.status === 200 ? answer.body['results'] : []);
      names.forEach((name, index) =>
        (answer.status === 200 && results[index]?.status === 'created' ? ledger.acknowledged : ledger.refused).add(
          name,
        ),
      );
      for (const result of results)
        ledger.statuses[`item ${result.status}`] = (ledger.statuses[`item ${result.status}`] ?? 0) + 1;
    } catch {
      // No answer at all: the outcome is unknown, so these names are neither acknowledged nor refused.
      status = -1;
    }
    ledger.statuses[`batch ${status}`] = (ledger.statuses[`batch ${status}`] ?? 0) + 1;
    return status;
  };

  // The sustainable rate: one batch after another, for a while, from one client.
  const sustainStarted = Date.now();
  let sustained = 0;
  while (Date.now() - sustainStarted < 10_000) if ((await sendBatch()) === 200) sustained += BATCH;
  const sustainable = (sustained * 1000) / (Date.now() - sustainStarted);
  const offered = 4 * sustainable;
  log(`sustainable ${Math.round(sustainable)} leads/s by one client; offering ${Math.round(offered)} leads/s`);

  const baseline = await readFor(reading, readPath, 5);
  log(`reads before the load: p99 ${round(percentile(baseline.latencies, 99))} ms`);

  // Open loop: a batch every interval, whatever the answers, for `seconds`.
  const interval = (BATCH * 1000) / offered;
  const loadStarted = Date.now();
  const inFlight = [];
  const reader = readFor(reading, readPath, seconds);
  for (let next = loadStarted; next < loadStarted + seconds * 1000; next += interval) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    inFlight.push(sendBatch());
  }
  const duringLoad = await reader;
  await Promise.all(inFlight);
  const loadEnded = Date.now();
  log(`load over after ${Math.round((loadEnded - loadStarted) / 1000)} s: ${inFlight.length} batches offered`);

  // After the load: reads until a whole second is back at the baseline's p99 (with a floor of 25 ms).
  const normal = Math.max(25, 2 * (percentile(baseline.latencies, 99) ?? 0));
  const after = await readFor(reading, readPath, 15);
  const recoveredAfter = secondsUntilNormal(after.samples, loadEnded, normal);

  const stored = await storedNames(cluster, world.campaignId);
  const acknowledged = [...ledger.acknowledged];
  const refused = [...ledger.refused];
  const counts = {
    sustainableLeadsPerSecond: Math.round(sustainable),
    offeredLeadsPerSecond: Math.round(offered),
    batchesOffered: inFlight.length,
    acknowledged: acknowledged.length,
    refused: refused.length,
    stored: stored.count,
    storedTwice: stored.count - stored.names.size,
    storedRefused: refused.filter((name) => stored.names.has(name)).length,
    acknowledgedMissing: acknowledged.filter((name) => !stored.names.has(name)).length,
    readsDuringLoad: duringLoad.latencies.length + duringLoad.errors,
    readErrorsDuringLoad: duringLoad.errors,
    readP50MsDuringLoad: round(percentile(duringLoad.latencies, 50)) ?? -1,
    readP99MsDuringLoad: round(percentile(duringLoad.latencies, 99)) ?? -1,
    readP99MsBefore: round(percentile(baseline.latencies, 99)) ?? -1,
    recoveredAfterSeconds: recoveredAfter ?? -1,
    ...ledger.statuses,
  };
  return {
    steps: [
      `one client, batches of ${BATCH} one after another for 10 s: ${counts.sustainableLeadsPerSecond} leads/s sustained`,
      `then ${counts.batchesOffered} batches offered open loop over ${seconds} s (${counts.offeredLeadsPerSecond} leads/s, 4x), ` +
        `a reader at ${READ_RATE}/s on one lead throughout`,
      `answers: ${Object.entries(ledger.statuses)
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ')}`,
      `reads during the load: p50 ${counts.readP50MsDuringLoad} ms, p99 ${counts.readP99MsDuringLoad} ms, ` +
        `${counts.readErrorsDuringLoad} of ${counts.readsDuringLoad} not 200 (before the load: p99 ${counts.readP99MsBefore} ms)`,
      `reads back within ${round(normal)} ms (p99 of a second) ${recoveredAfter ?? 'never'} s after the last batch was answered; ` +
        `p99 ms per second after it: ${perSecondP99(after.samples, loadEnded).join(', ')}`,
    ],
    counts,
    checks: {
      'every acknowledged lead stored': counts.acknowledgedMissing === 0,
      'no lead stored twice': counts.storedTwice === 0,
      'nothing stored for a refused batch, a 504 or a not_processed item': counts.storedRefused === 0,
      'stored = acknowledged (every answer told the truth)': stored.count === acknowledged.length + 1,
      'the load was shed (some batches refused at once)': refused.length > 0,
      'reads answered during the load (under 1% errors)': duringLoad.errors <= duringLoad.latencies.length / 100,
      'read latency back to normal within 10 s': recoveredAfter !== null && recoveredAfter <= 10,
    },
  };
}

/**
 * GET one lead at READ_RATE per second for `seconds`, open loop.
 * @param {ReturnType<typeof client>} partner
 * @param {string} path
 * @param {number} seconds
 */
async function readFor(partner, path, seconds) {
  /** @type {{ at: number; ms: number; ok: boolean }[]} */
  const samples = [];
  const started = Date.now();
  const reads = Array.from({ length: seconds * READ_RATE }, async (_, index) => {
    await new Promise((resolve) => setTimeout(resolve, (index * 1000) / READ_RATE));
    const sent = performance.now();
    const at = Date.now();
    const ok = await partner('GET', path).then(
      (answer) => answer.status === 200,
      () => false,
    );
    samples.push({ at, ms: performance.now() - sent, ok });
  });
  await Promise.all(reads);
  return {
    started,
    samples,
    latencies: samples.filter((sample) => sample.ok).map((sample) => sample.ms),
    errors: samples.filter((sample) => !sample.ok).length,
  };
}

/**
 * Whole seconds after `since` until the first second whose reads all succeeded with p99 ≤ `normalMs`.
 * @param {{ at: number; ms: number; ok: boolean }[]} samples
 * @param {number} since
 * @param {number} normalMs
 */
function secondsUntilNormal(samples, since, normalMs) {
  for (let second = 0; second < 15; second++) {
    const window = samples.filter(
      (sample) => sample.at >= since + second * 1000 && sample.at < since + (second + 1) * 1000,
    );
    if (window.length === 0) continue;
    if (
      window.every((sample) => sample.ok) &&
      (percentile(
        window.map((sample) => sample.ms),
        99,
      ) ?? 0) <= normalMs
    ) {
      return second + 1;
    }
  }
  return null;
}

/**
 * p99 (ms) of each second's reads after `since`, -1 for a second with a failed read.
 * @param {{ at: number; ms: number; ok: boolean }[]} samples
 * @param {number} since
 */
function perSecondP99(samples, since) {
  return Array.from({ length: 15 }, (_, second) => {
    const window = samples.filter(
      (sample) => sample.at >= since + second * 1000 && sample.at < since + (second + 1) * 1000,
    );
    if (window.some((sample) => !sample.ok)) return -1;
    return Math.round(
      percentile(
        window.map((sample) => sample.ms),
        99,
      ) ?? 0,
    );
  });
}

/**
 * The names of the campaign's stored leads (each drill lead's name is unique), and how many leads.
 * @param {import('../../bench/lib/cluster.mjs').Cluster} cluster
 * @param {string} campaignId
 */
async function storedNames(cluster, campaignId) {
  const { names, stored } = await countLeads(cluster, campaignId);
  return { names: /** @type {Set<string>} */ (names), count: stored };
}
