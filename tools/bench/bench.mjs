#!/usr/bin/env node
// @ts-check
// `npm run bench`: the platform measured side by side with its references, in one run on this
// machine. `--quick` (CI) runs every suite small to prove the harness works and writes nothing into
// docs/; the full run (by hand, ~20 min) rewrites the generated part of docs/BENCHMARKS.md.
//   npm run bench [-- --quick] [--only edge,read,capacity,ingest,webhooks,footprint,propagation,console,ratelimit] [--profile] [--leads N]
//     [--collection-leads N]
import { parseArgs } from 'node:util';
import { status } from '../infra/infra.mjs';
import { Cluster } from './lib/cluster.mjs';
import { profilesIn, summarizeProfile } from './lib/profile.mjs';
import { writeResults } from './lib/report.mjs';
import { partnerWorld } from './lib/world.mjs';
import { edge } from './suites/edge.mjs';
import { ingest } from './suites/ingest.mjs';
import { footprint, idleMemory, memorySampler } from './suites/footprint.mjs';
import { propagation } from './suites/propagation.mjs';
import { scopedRead } from './suites/scoped-read.mjs';
import { capacity } from './suites/capacity.mjs';
import { consoleLoad } from './suites/console.mjs';
import { webhooks } from './suites/webhooks.mjs';
import { rateLimit } from './suites/rate-limit.mjs';

/** @type {Record<string, import('./lib/suite.mjs').Suite>} */
const SUITES = {
  edge,
  console: consoleLoad,
  read: scopedRead,
  capacity,
  ingest,
  webhooks,
  footprint,
  propagation,
  ratelimit: rateLimit,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    leads: { type: 'string' },
    'collection-leads': { type: 'string' },
    // Measures the embedded store without tools/infra's containment indexes (the "before").
    'no-store-indexes': { type: 'boolean', default: false },
  },
});
const settings = values.quick
  ? {
      quick: true,
      connections: 8,
      loadSeconds: 2,
      leads: 2000,
      collectionLeads: 6000,
      capacitySizes: [200, 1000],
      ingestSingle: 200,
      ingestBatches: 2,
      changes: 5,
      rateSeconds: 3,
    }
  : {
      quick: false,
      connections: 16,
      loadSeconds: 15,
      leads: 100000,
      // The read suite's campaign sits in a collection three times its size (other campaigns).
      collectionLeads: 300000,
      capacitySizes: [1000, 10000, 100000],
      ingestSingle: 3000,
      ingestBatches: 10,
      changes: 50,
      rateSeconds: 20,
    };
// A smaller campaign for profiling runs; a run with it never writes into docs/.
if (values.leads) settings.leads = Number(values.leads);
settings.collectionLeads = values['collection-leads']
  ? Number(values['collection-leads'])
  : values.leads
    ? settings.leads * 3
    : settings.collectionLeads;
settings.storeIndexes = !values['no-store-indexes'];
const selected = values.only ? values.only.split(',') : Object.keys(SUITES);
const log = (/** @type {string} */ line) => console.log(`[bench] ${line}`);

async function main() {
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const { build } = await import('../build/build.mjs');
  await build({ ifStale: true });
  const cluster = new Cluster('bench', { profile: values.profile });
  const results = [];
  try {
    log('infrastructure up');
    const infraWasUp = (await status()).ok;
    const infraStarted = Date.now();
    await cluster.infraUp();
    const infraMs = infraWasUp ? null : Date.now() - infraStarted;
    log('platform: identity, campaigns, leads, docs, webhooks, gateway');
    await cluster.startPlatform({ webhooks: true });
    const idle = await idleMemory(cluster, settings.quick ? 1000 : 5000);
    const sampler = memorySampler(cluster);
    const world = await partnerWorld(cluster);
    const footprintData = { idle, peaks: sampler.peaks, infraMs };
    for (const name of selected) {
      if (!SUITES[name]) throw new Error(`unknown suite ${name} (have ${Object.keys(SUITES).join(', ')})`);
      // Propagation runs its own 2 + 2 platform: its memory is not the default platform's.
      if (name === 'propagation' || name === 'ratelimit' || name === 'footprint') sampler.stop();
      const result = await SUITES[name]({ cluster, world, settings, log, footprintData });
      results.push(result);
      console.log(`\n${result.title}\n${JSON.stringify(result.rows, null, 1)}\n`);
    }
  } finally {
    await cluster.stopAll();
    await cluster.dropDatabases().catch((error) => log(`could not drop bench databases: ${error.message}`));
  }
  if (values.profile) results.push(profileSection(cluster.profileDir));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const intoDocs =
    !settings.quick &&
    !values.only &&
    !values['no-docs'] &&
    !values.leads &&
    !values['collection-leads'] &&
    !values.profile &&
    settings.storeIndexes;
  const { file, text } = writeResults(
    results,
    { command, startedAt, seconds: (Date.now() - t0) / 1000 },
    { intoDocs, name: 'bench' },
  );
  console.log(text);
  log(`raw results: ${file}${intoDocs ? '; docs/BENCHMARKS.md updated' : ''}`);
  // A number measured on failing requests means nothing: the run (and CI's quick run) fails instead.
  const problems = results.flatMap((result) => problemsOf(result));
  if (problems.length > 0) {
    console.error(`[bench] the harness saw failures:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

/** @param {import('./lib/suite.mjs').SuiteResult} result */
function problemsOf(result) {
  return result.rows.flatMap((row) => {
    const name = `${result.title}: ${row.case ?? row.change ?? row.process ?? ''}`;
    const found = [];
    // A count, or a count with what the answers were ("2 (2× 503)").
    if (parseInt(String(row.errors), 10) > 0) found.push(`${name}: ${row.errors} requests failed`);
    if (row.leads !== undefined && (row.stored !== row.leads || row.events !== row.leads))
      found.push(`${name}: ${row.leads} leads sent, ${row.stored} stored, ${row.events} events`);
    return found;
  });
}

/**
 * Top self-time costs of every service that was profiled (profiles slow the run: separate from the numbers).
 * @param {string | null} dir null when the run was not profiled
 * @returns {import('./lib/suite.mjs').SuiteResult}
 */
function profileSection(dir) {
  const rows = profilesIn(dir).flatMap((file) => {
    const { busyMs, packages, functions } = summarizeProfile(file, 8);
    const service = /** @type {string} */ (file.split('/').pop()).replace('.cpuprofile', '');
    return [
      {
        service,
        'busy ms': busyMs,
        'top packages (% of busy)': packages.map((p) => `${p.name} ${p.percent}`).join(', '),
      },
      {
        service: '',
        'busy ms': '',
        'top packages (% of busy)': `functions: ${functions.map((f) => `${f.name} ${f.percent}`).join('; ')}`,
      },
    ];
  });
  return { title: `CPU profiles (${dir})`, rows };
}

// Exits once the report is written and the cluster stopped: a client of a suite that keeps a
// socket or timer open (seen after `--only capacity`) must not keep the command running for hours.
main().then(
  () => process.exit(),
  (error) => {
    console.error(`[bench] failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
