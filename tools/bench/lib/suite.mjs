// @ts-check
// What a bench suite is given and gives back (types only): bench.mjs runs each suite with the
// cluster, the partner world and the run's settings, and writes what it returns into the report.

/**
 * The size of a run: `--quick` (CI: prove the harness works) or the full run.
 * @typedef {{
 *   quick: boolean; connections: number; loadSeconds: number; leads: number;
 *   ingestSingle: number; ingestBatches: number; changes: number; rateSeconds: number;
 * }} BenchSettings
 */

/**
 * The memory the footprint suite reports: idle and peak RSS (MiB) per service, and how long
 * bringing the infrastructure up took (null when it was up before the run).
 * @typedef {{
 *   idle: Map<import('./cluster.mjs').BenchService, number | null>;
 *   peaks: Map<import('./cluster.mjs').BenchService, number>;
 *   infraMs: number | null;
 * }} FootprintData
 */

/**
 * @typedef {{
 *   cluster: import('./cluster.mjs').Cluster;
 *   world: import('./world.mjs').BenchWorld;
 *   settings: BenchSettings;
 *   log: (line: string) => void;
 *   footprintData: FootprintData;
 * }} SuiteContext
 */

/** One row of a result table: column name to cell. */
/** @typedef {Record<string, string | number | boolean | null | undefined>} Row */

/**
 * A suite's section of the report; `raw` goes into the JSON only.
 * @typedef {{ title: string; load?: string; rows: Row[]; notes?: string[]; raw?: unknown }} SuiteResult
 */

/** @typedef {(context: SuiteContext) => Promise<SuiteResult>} Suite */

export {};
