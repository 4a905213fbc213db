#!/usr/bin/env node
// @ts-check
// Which FerretDB backend should the embedded default use? Measures SQLite and PostgreSQL on the
// query the lead API runs most: a filtered, _id-ordered, cursor-paginated list over 100k leads.
// Results and the decision: docs/BENCHMARKS.md, docs/adr/003-database-backend.md.
//
//   node tools/infra/bench-backend.mjs [--docs 100000] [--runs 50] [--backend sqlite,postgresql] [--keep]
//
// Each backend gets its own FerretDB (and PostgreSQL) under .infra/bench/<backend> on its own ports,
// so a running `infra up` is left alone. Needs node_modules/mongodb (npm install).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, resolveConfig } from './lib/config.mjs';
import { buildLauncher, ferretdbModuleVersion, launcherIsStale, startFerretdb, stopFerretdb } from './lib/ferretdb.mjs';
import { postgresVersion, startPostgres, stopPostgres } from './lib/postgres.mjs';
import { withLock } from './lib/proc.mjs';

let mongodb;
try {
  mongodb = await import('mongodb');
} catch {
  console.error('bench-backend needs the mongodb driver: run `npm install` first');
  process.exit(1);
}
const { MongoClient, ObjectId } = mongodb;

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

function parseArgs(argv) {
  const opts = { docs: 100_000, runs: 50, warmup: 3, backends: ['sqlite', 'postgresql'], keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--docs') opts.docs = Number(value());
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--backend') opts.backends = value().split(',');
    else if (flag === '--keep') opts.keep = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return opts;
}

// Fixed vocabulary, seeded PRNG: both backends get byte-identical data, and so does the next run.
const CAMPAIGNS = Array.from({ length: 10 }, (_, i) => `campaign-${String(i + 1).padStart(2, '0')}`);
const PARTNERS = ['acme-energy', 'bright-solar', 'coastal-home', 'delta-finance', 'evergreen-ins'];
const STATUSES = ['new', 'contacted', 'qualified', 'rejected'];
const OPEN = ['new', 'contacted']; // the list the API shows by default

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* leadBatches(total, batchSize) {
  const rnd = prng(42);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const base = Date.UTC(2025, 0, 1) / 1000;
  for (let done = 0; done < total; done += batchSize) {
    const batch = [];
    for (let i = done; i < Math.min(total, done + batchSize); i++) {
      const created = new Date((base + i * 60) * 1000);
      // ObjectIds from a fixed clock: ascending like real inserts, identical on every run.
      const _id = ObjectId.createFromTime(base + i * 60);
      batch.push({
        _id,
        campaign_id: pick(CAMPAIGNS),
        fields: { name: `Lead ${i}`, email: `lead${i}@example.test`, postcode: `${1000 + Math.floor(rnd() * 8999)}` },
        select_field_values: { select_partner: pick(PARTNERS) },
        status: pick(STATUSES),
        created_at: created,
        updated_at: created,
        version: 1,
      });
    }
    yield batch;
  }
}

const ms = (t0) => performance.now() - t0;

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  const r = (v) => Math.round(v * 10) / 10;
  return { p50: r(rank(50)), p95: r(rank(95)), min: r(s[0]), max: r(s.at(-1)), n: s.length };
}

async function workload(client, opts) {
  const coll = client.db('bench').collection('leads');
  await coll.drop().catch(() => {});

  const expected = new Map(); // campaign|partner -> count of OPEN leads, to check every answer
  let t0 = performance.now();
  let inserted = 0;
  for (const batch of leadBatches(opts.docs, 1000)) {
    for (const d of batch) {
      if (OPEN.includes(d.status)) {
        const key = `${d.campaign_id}|${d.select_field_values.select_partner}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
    inserted += (await coll.insertMany(batch, { ordered: true })).insertedCount;
    if (inserted % 20_000 === 0) log(`  inserted ${inserted}`);
  }
  const insertMs = ms(t0);

  t0 = performance.now();
  await coll.createIndex({ campaign_id: 1, 'select_field_values.select_partner': 1, _id: 1 });
  const indexMs = ms(t0);

  const filterFor = (i) => ({
    campaign_id: CAMPAIGNS[i % CAMPAIGNS.length],
    'select_field_values.select_partner': PARTNERS[Math.floor(i / CAMPAIGNS.length) % PARTNERS.length],
    status: { $in: OPEN },
  });
  const explain = await coll.find(filterFor(0)).sort({ _id: 1 }).limit(50).explain();

  /** @type {Record<'page1' | 'page2' | 'count' | 'byId', number[]>} */
  const samples = { page1: [], page2: [], count: [], byId: [] };
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const filter = filterFor(i);
    const key = `${filter.campaign_id}|${filter['select_field_values.select_partner']}`;
    const keep = i >= opts.warmup;

    t0 = performance.now();
    const page1 = await coll.find(filter).sort({ _id: 1 }).limit(50).toArray();
    const tPage1 = ms(t0);

    const last = page1.at(-1)?._id ?? new ObjectId('000000000000000000000000');
    t0 = performance.now();
    const page2 = await coll
      .find({ ...filter, _id: { $gt: last } })
      .sort({ _id: 1 })
      .limit(50)
      .toArray();
    const tPage2 = ms(t0);

    t0 = performance.now();
    const count = await coll.countDocuments(filter);
    const tCount = ms(t0);

    t0 = performance.now();
    const one = await coll.findOne({ _id: last });
    const tById = ms(t0);

    // Fast but wrong would be worthless: check the answers against what was inserted.
    const ids = [...page1, ...page2].map((d) => d._id.toHexString());
    const ordered = ids.every((id, j) => j === 0 || ids[j - 1] < id);
    const matching = [...page1, ...page2].every(
      (d) =>
        d.campaign_id === filter.campaign_id &&
        OPEN.includes(d.status) &&
        d.select_field_values.select_partner === filter['select_field_values.select_partner'],
    );
    const want = expected.get(key) ?? 0;
    const sizesOk = page1.length === Math.min(50, want) && page2.length === Math.min(50, Math.max(0, want - 50));
    if (count !== want || !sizesOk || !ordered || !matching || (want > 0 && !one)) {
      throw new Error(
        `wrong answer for ${key}: count ${count} (want ${expected.get(key)}), pages ${page1.length}/${page2.length}, ordered ${ordered}, matching ${matching}`,
      );
    }
    if (keep) {
      samples.page1.push(tPage1);
      samples.page2.push(tPage2);
      samples.count.push(tCount);
      samples.byId.push(tById);
    }
  }
  const matches = [...expected.values()];
  return {
    docs: inserted,
    insertSeconds: Math.round(insertMs / 100) / 10,
    insertDocsPerSecond: Math.round(inserted / (insertMs / 1000)),
    createIndexMs: Math.round(indexMs),
    matchesPerQuery: { min: Math.min(...matches), max: Math.max(...matches) },
    pushdown: { filter: explain.filterPushdown, sort: explain.sortPushdown, limit: explain.limitPushdown },
    page1: stats(samples.page1),
    page2: stats(samples.page2),
    count: stats(samples.count),
    byId: stats(samples.byId),
  };
}

async function benchBackend(backend, opts, launcher) {
  const infraDir = join(REPO_ROOT, '.infra', 'bench', backend);
  fs.rmSync(infraDir, { recursive: true, force: true });
  // Ports away from the default infra (27027/25432) so both can run at once.
  const cfg = resolveConfig({
    infraDir,
    backend,
    ports: { kafka: 0, kafkaController: 0, ferretdb: backend === 'sqlite' ? 27127 : 27128, postgres: 25532 },
  });
  cfg.ferretdb.bin = launcher; // reuse the launcher `infra up` built; no second Go build
  const timeoutMs = 120_000;
  try {
    if (backend === 'postgresql') await startPostgres(cfg, { log, timeoutMs });
    await startFerretdb(cfg, { log, timeoutMs });
    const client = new MongoClient(cfg.urls.MONGO_URL, { directConnection: true, serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    try {
      log(`${backend}: inserting ${opts.docs} leads…`);
      // Other work on the machine skews latencies; record the 1-minute load around each backend's run.
      const loadBefore = os.loadavg()[0];
      const result = await workload(client, opts);
      const load = [loadBefore, os.loadavg()[0]].map((v) => Math.round(v * 10) / 10);
      return { backend, ...result, load, postgresVersion: backend === 'postgresql' ? postgresVersion(cfg) : undefined };
    } finally {
      await client.close();
    }
  } finally {
    await stopFerretdb(cfg, log);
    if (backend === 'postgresql') await stopPostgres(cfg, log);
    if (!opts.keep) fs.rmSync(infraDir, { recursive: true, force: true });
  }
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  let fsType = 'unknown';
  try {
    fsType = execFileSync('df', ['-T', join(REPO_ROOT, '.infra')], { encoding: 'utf8' })
      .trim()
      .split('\n')[1]
      .split(/\s+/)[1];
  } catch {
    /* not important */
  }
  return {
    nproc: os.availableParallelism(),
    cpu: cpuinfo.match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    fsType,
  };
}

function markdown(results, m, opts) {
  const f = (s) => `${s.p50} / ${s.p95}`;
  const rows = results.map(
    (r) =>
      `| ${r.backend}${r.postgresVersion ? ` (PostgreSQL ${r.postgresVersion})` : ''} | ${r.insertSeconds} s (${r.insertDocsPerSecond}/s) | ${r.createIndexMs} ms | ${f(r.page1)} | ${f(r.page2)} | ${f(r.count)} | ${f(r.byId)} | ${r.pushdown.filter}/${r.pushdown.sort}/${r.pushdown.limit} | ${r.load.join(' / ')} |`,
  );
  return [
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB RAM, ${m.kernel}, Node ${m.node}, data on ${m.fsType}.`,
    `Workload: ${opts.docs} leads over ${CAMPAIGNS.length} campaigns x ${PARTNERS.length} partners x ${STATUSES.length} statuses, ${opts.runs} timed runs (+${opts.warmup} warm-up) per query, latencies in ms as p50 / p95.`,
    '',
    '| backend | insertMany (1000/batch) | createIndex | list page 1 | list page 2 (`_id > last`) | countDocuments | findOne by `_id` | pushdown filter/sort/limit | load avg before/after |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const opts = parseArgs(process.argv.slice(2));
const main = resolveConfig({});
await withLock(main.runDir, async () => {
  if (launcherIsStale(main)) await buildLauncher(main, log);
});
const m = machine();
log(`FerretDB ${ferretdbModuleVersion(main)} on ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB`);
const results = [];
for (const backend of opts.backends) results.push(await benchBackend(backend, opts, main.ferretdb.bin));
const out = {
  date: new Date().toISOString(),
  ferretdb: ferretdbModuleVersion(main),
  machine: m,
  options: opts,
  results,
};
fs.mkdirSync(join(REPO_ROOT, '.infra', 'bench'), { recursive: true });
fs.writeFileSync(join(REPO_ROOT, '.infra', 'bench', 'backend-results.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(markdown(results, m, opts));
console.log(`\n(raw numbers: .infra/bench/backend-results.json)`);
