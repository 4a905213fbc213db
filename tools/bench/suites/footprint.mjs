// @ts-check
// 5. Footprint: start-to-ready of the whole platform (warm caches: infrastructure provisioned,
// dist/ built) and resident memory of each service idle and at its peak during the other suites;
// the reference is a bare node:http process started and measured the same way.
import { rssMiB, sleep } from '../lib/cluster.mjs';
import { round } from '../lib/load.mjs';
import { startReference } from '../lib/reference.mjs';

/** @typedef {import('../lib/cluster.mjs').Cluster} Cluster */
/** @typedef {import('../lib/cluster.mjs').BenchService} BenchService */

/**
 * Samples every service's RSS twice a second while the load suites run.
 * @param {Cluster} cluster
 */
export function memorySampler(cluster) {
  /** @type {Map<BenchService, number>} */
  const peaks = new Map();
  const timer = setInterval(() => {
    for (const service of cluster.services) {
      const rss = service.alive ? service.rss() : null;
      if (rss !== null) peaks.set(service, Math.max(peaks.get(service) ?? 0, rss));
    }
  }, 500);
  return { peaks, stop: () => clearInterval(timer) };
}

/**
 * Every service's RSS after `settleMs`.
 * @param {Cluster} cluster
 * @param {number} settleMs
 */
export async function idleMemory(cluster, settleMs) {
  await sleep(settleMs);
  return new Map(cluster.services.map((service) => [service, service.rss()]));
}

/** @type {import('../lib/suite.mjs').Suite} */
export async function footprint({ cluster, footprintData }) {
  const { idle, peaks, infraMs } = footprintData;
  const started = Date.now();
  const reference = await startReference('bare-http');
  const referenceReadyMs = Date.now() - started;
  await sleep(1000);
  const referenceRss = rssMiB(reference.pid);
  await reference.stop();
  const platform = cluster.platform;
  const main = [platform.identity, platform.campaigns, platform.leads[0], platform.docs, platform.gateways[0]].filter(
    (service) => service !== null,
  );
  // A missing RSS (null: no /proc entry) counts as 0 in the sums and ratios, as plain arithmetic has it.
  /** @type {import('../lib/suite.mjs').Row[]} */
  const rows = main.map((service) => ({
    process: service.app,
    'ready ms': service.readyMs,
    'idle RSS MiB': round(idle.get(service), 0),
    'peak RSS under load MiB': round(peaks.get(service), 0),
    'idle vs reference': `${round(Number(idle.get(service)) / Number(referenceRss), 1)}x`,
  }));
  rows.push(
    {
      process: 'whole platform (5 services in parallel)',
      'ready ms': platform.startToReadyMs,
      'idle RSS MiB': round(
        main.reduce((sum, service) => sum + Number(idle.get(service)), 0),
        0,
      ),
      'peak RSS under load MiB': round(
        main.reduce((sum, service) => sum + (peaks.get(service) ?? 0), 0),
        0,
      ),
    },
    { process: 'bare node:http (reference)', 'ready ms': referenceReadyMs, 'idle RSS MiB': round(referenceRss, 0) },
  );
  return {
    title: 'Footprint: start-to-ready and resident memory',
    load: `services started from dist/ with the infrastructure already up${infraMs === null ? ' (it was running before this run)' : ` (infra up took ${round(infraMs / 1000, 1)} s in this run)`}; ready = /health/ready answers 200 (Kafka read models caught up, database reachable); idle RSS 5 s after start; peak = highest RSS sampled every 500 ms during the edge, read and ingest suites`,
    rows,
  };
}
