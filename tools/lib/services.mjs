// @ts-check
// The six services as the embedded default runs them: one process each, on fixed loopback ports,
// each with its management listener (metrics, detailed readiness) at PORT + 1000.
import { loadReadiness } from './built.mjs';

/** @typedef {import('../../libs/testing/src/service-process.js').AppName} AppName */
/** @typedef {{ app: AppName; port: number; managementPort: number }} Service */
/**
 * The detailed /health/ready answer of a management listener (libs/observability): the read-model
 * check's detail holds one {@link ReadModelState} per topic.
 * @typedef {{
 *   status: string; service: string; version: string; instance: string;
 *   checks?: Record<string, { ready: boolean; detail?: Record<string, unknown> }>;
 * }} ReadinessBody
 */
/** @typedef {{ entries: number; lag: number; caught_up: boolean }} ReadModelState */
/** @typedef {{ reachable: boolean; ready: boolean; body: ReadinessBody | null; error?: string }} Probe */

/** @type {Service[]} */
export const SERVICES = [
  { app: 'gateway', port: 8080, managementPort: 9080 },
  { app: 'identity', port: 8081, managementPort: 9081 },
  { app: 'campaigns', port: 8082, managementPort: 9082 },
  { app: 'leads', port: 8083, managementPort: 9083 },
  { app: 'docs', port: 8084, managementPort: 9084 },
  { app: 'webhooks', port: 8085, managementPort: 9085 },
];

export const GATEWAY_URL = 'http://127.0.0.1:8080';

/** @param {Pick<Service, 'app' | 'port'>} service */
export function serviceUrl({ app, port }, env = process.env) {
  return env[`LEADGATE_${app.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;
}

/**
 * A service's management listener: /metrics and the detailed /health/ready (loopback only).
 * @param {Pick<Service, 'app' | 'managementPort'>} service
 */
export function managementUrl({ app, managementPort }, env = process.env) {
  return env[`LEADGATE_${app.toUpperCase()}_MANAGEMENT_URL`] ?? `http://127.0.0.1:${managementPort}`;
}

/**
 * The detailed GET /health/ready of one service, from its management listener: { reachable, ready, body }. Never throws.
 * @param {Service} service
 */
export function probeReadiness(service, timeoutMs = 1500) {
  return probeUrl(managementUrl(service), timeoutMs);
}

/**
 * GET <baseUrl>/health/ready: { reachable, ready, body } (a status only on a public port). Never throws.
 * @param {string} baseUrl
 * @returns {Promise<Probe>}
 */
export async function probeUrl(baseUrl, timeoutMs = 1500) {
  // The body is JSON from the wire: typed here, where it enters.
  return /** @type {Probe} */ (await (await loadReadiness()).probeReady(baseUrl, timeoutMs));
}

/**
 * Waits until a service just started answers ready; resolves with the milliseconds it took.
 * Rejects at once when its process exits (`exited` resolves), or after `timeoutMs` (libs/testing's wait).
 * @param {string} baseUrl
 * @param {import('../../libs/testing/src/readiness.js').ReadinessWait} wait
 */
export async function waitUntilReady(baseUrl, { exited, timeoutMs, what }) {
  return (await loadReadiness()).waitUntilReady(baseUrl, { exited, timeoutMs, what });
}
