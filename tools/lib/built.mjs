// @ts-check
// The platform's own code for the tools: tools/build compiles apps and libs to dist/ as CommonJS;
// these ESM scripts load it with createRequire, after building when a source is newer than dist/.
// So the tools share libs/testing (gateway client, account setup, service starter, the test
// campaign) and libs/contracts (topic names) instead of keeping copies.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
let fresh;

/** A module of dist/ (path below dist/, e.g. 'libs/contracts/src/topics/topics.js'), built first if stale. */
export async function loadBuilt(relativePath) {
  // Loaded here, not at the top: the build needs @swc/core, which a fresh clone installs first.
  fresh ??= import('../build/build.mjs').then(({ build }) => build({ ifStale: true, quiet: true }));
  await fresh;
  return require(path.join(root, 'dist', relativePath));
}

// dist/ is the compiled source: the loaders below carry the source's types (`require` gives `any`).

/**
 * The test harness, libs/testing (loads the service kit: for benches, drills and the operator bootstrap).
 * @returns {Promise<typeof import('../../libs/testing/src/index.js')>}
 */
export const loadHarness = () => loadBuilt('libs/testing/src/index.js');

/**
 * The readiness probe and wait of libs/testing alone (no framework code: fast for the CLI).
 * @returns {Promise<typeof import('../../libs/testing/src/readiness.js')>}
 */
export const loadReadiness = () => loadBuilt('libs/testing/src/readiness.js');

/**
 * Where a lead sits in its campaign's list (the lead service's list buckets, ADR 014): for tools
 * that write or read leads straight in the database, in the service's own layout.
 * @returns {Promise<typeof import('../../apps/leads/src/store/list-buckets.js')>}
 */
export const loadListBuckets = () => loadBuilt('apps/leads/src/store/list-buckets.js');

/**
 * Every Kafka topic name, from libs/contracts.
 * @returns {Promise<typeof import('../../libs/contracts/src/topics/topics.js').TOPICS>}
 */
export const loadTopics = async () => (await loadBuilt('libs/contracts/src/topics/topics.js')).TOPICS;
