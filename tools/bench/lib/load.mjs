// @ts-check
// Load generation with autocannon, in this process. Every answer that is not the expected status is
// counted as an error, so a fast stream of 401s or 429s can never pass for throughput.
import autocannon from 'autocannon';

/**
 * autocannon's options as the benches use them: duration in seconds or an amount of requests,
 * overallRate (requests/s for a fixed-rate run), expect (status, default 200), requests (autocannon
 * request list, e.g. with setupRequest to vary the path).
 * @typedef {{
 *   url: string; method?: string; headers?: Record<string, string>; body?: string;
 *   connections?: number; duration?: number; amount?: number; overallRate?: number; expect?: number;
 *   requests?: { setupRequest?: (request: Record<string, unknown>) => Record<string, unknown> }[];
 * }} LoadOptions
 */
/**
 * Requests per second and latencies in ms (NaN when no request was answered at all); `errors`
 * counts every answer with another status too, and `wrongStatuses` says which ("network" when
 * there was no answer), so a table can show what failed.
 * @typedef {{
 *   rps: number; p50: number; p90: number; p99: number; max: number;
 *   ok: number; errors: number; total: number; seconds: number; wrongStatuses: Record<string, number>;
 * }} LoadResult
 */
/**
 * The answer of autocannon's callback (the package has no types).
 * @typedef {{ latency: { p50: number; p90: number; p99: number; max: number }; errors: number; timeouts: number }} AutocannonResult
 */
/** @typedef {{ stop(): void; on(event: 'response', listener: (client: unknown, statusCode: number) => void): void }} AutocannonInstance */

/**
 * @param {LoadOptions} options
 * @returns {Promise<LoadResult>}
 */
export function load(options) {
  return startLoad(options).done;
}

/**
 * Starts load and hands back the autocannon instance too (stop() ends a background load early).
 * @param {LoadOptions} options
 */
export function startLoad({ expect = 200, ...options }) {
  /** @type {AutocannonInstance | undefined} */
  let instance;
  /** @type {Promise<LoadResult>} */
  const done = new Promise((resolve, reject) => {
    let ok = 0;
    let wrong = 0;
    /** @type {Record<string, number>} */
    const wrongStatuses = {};
    const started = process.hrtime.bigint();
    instance = /** @type {AutocannonInstance} */ (
      autocannon(
        {
          connections: 8,
          pipelining: 1,
          timeout: 30,
          ...options,
          headers: { accept: 'application/json', ...options.headers },
        },
        (/** @type {Error | null} */ error, /** @type {AutocannonResult} */ result) => {
          if (error) return reject(error);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          resolve({
            rps: ok / seconds,
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            max: result.latency.max,
            ok,
            errors: wrong + result.errors + result.timeouts,
            total: ok + wrong + result.errors + result.timeouts,
            seconds,
            wrongStatuses: countNetworkFailures(wrongStatuses, result.errors + result.timeouts),
          });
        },
      )
    );
    instance.on('response', (_client, statusCode) => {
      if (statusCode === expect) ok++;
      else {
        wrong++;
        tally(wrongStatuses, String(statusCode));
      }
    });
  });
  // The executor above ran already: instance is set.
  return { instance, done, stop: () => (instance?.stop(), done) };
}

/**
 * The p-th percentile (nearest rank), or null without values.
 * @param {number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** @type {(value: number | null | undefined, digits?: number) => number | null} */
export const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));
/** @type {(value: number, reference: number | null | undefined) => number | null} */
export const ratio = (value, reference) => (reference ? round(value / reference, 2) : null);

/**
 * An open-loop run below autocannon's 1 request/s granularity: one request every 1/rate seconds
 * whether or not earlier ones have answered, each timed from its own start. For list pages that
 * take seconds on FerretDB. `paths` are picked in turn.
 * @param {{
 *   url: string; headers?: Record<string, string>; rate: number; amount: number; expect?: number; paths?: string[];
 * }} options
 * @returns {Promise<LoadResult>}
 */
export async function paced({ url, headers = {}, rate, amount, expect = 200, paths }) {
  /** @type {number[]} */
  const latencies = [];
  let ok = 0;
  let errors = 0;
  /** @type {Record<string, number>} */
  const wrongStatuses = {};
  const started = Date.now();
  const requests = Array.from({ length: amount }, async (_, index) => {
    await new Promise((resolve) => setTimeout(resolve, (index * 1000) / rate));
    const sent = performance.now();
    try {
      const response = await fetch(paths ? `${url}${paths[index % paths.length]}` : url, { headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response.status === expect) ok++;
      else {
        errors++;
        tally(wrongStatuses, String(response.status));
      }
    } catch {
      errors++;
      tally(wrongStatuses, 'network');
    }
  });
  await Promise.all(requests);
  const seconds = (Date.now() - started) / 1000;
  return {
    rps: ok / seconds,
    // No latency at all (every request failed on the network): not a number, never a 0 in a difference.
    p50: percentile(latencies, 50) ?? NaN,
    p90: percentile(latencies, 90) ?? NaN,
    p99: percentile(latencies, 99) ?? NaN,
    max: Math.max(...latencies),
    ok,
    errors,
    total: amount,
    seconds,
    wrongStatuses,
  };
}

/**
 * @param {Record<string, number>} counts
 * @param {string} key
 */
function tally(counts, key) {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * @param {Record<string, number>} counts
 * @param {number} failures requests that got no answer (connection errors and timeouts)
 */
function countNetworkFailures(counts, failures) {
  if (failures > 0) counts['network'] = (counts['network'] ?? 0) + failures;
  return counts;
}

/**
 * "0", or the error count with what the answers were: "3 (2× 503, 1× network)".
 * @param {Record<string, number>[]} breakdowns
 */
export function errorSummary(...breakdowns) {
  /** @type {Record<string, number>} */
  const all = {};
  for (const breakdown of breakdowns)
    for (const [key, count] of Object.entries(breakdown)) all[key] = (all[key] ?? 0) + count;
  const total = Object.values(all).reduce((sum, count) => sum + count, 0);
  if (total === 0) return '0';
  return `${total} (${Object.entries(all)
    .map(([key, count]) => `${count}× ${key}`)
    .join(', ')})`;
}
