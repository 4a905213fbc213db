// The five services as the embedded default runs them: one process each, on fixed loopback ports,
// each with its management listener (metrics, detailed readiness) at PORT + 1000.
import { loadReadiness } from './built.mjs';

export const SERVICES = [
  { app: 'gateway', port: 8080, managementPort: 9080 },
  { app: 'identity', port: 8081, managementPort: 9081 },
  { app: 'campaigns', port: 8082, managementPort: 9082 },
  { app: 'leads', port: 8083, managementPort: 9083 },
  { app: 'docs', port: 8084, managementPort: 9084 },
];

export const GATEWAY_URL = 'http://127.0.0.1:8080';

export function serviceUrl({ app, port }, env = process.env) {
  return env[`LEADGATE_${app.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;
}

/** A service's management listener: /metrics and the detailed /health/ready (loopback only). */
export function managementUrl({ app, managementPort }, env = process.env) {
  return env[`LEADGATE_${app.toUpperCase()}_MANAGEMENT_URL`] ?? `http://127.0.0.1:${managementPort}`;
}

/** The detailed GET /health/ready of one service, from its management listener: { reachable, ready, body }. Never throws. */
export function probeReadiness(service, timeoutMs = 1500) {
  return probeUrl(managementUrl(service), timeoutMs);
}

/** GET <baseUrl>/health/ready: { reachable, ready, body } (a status only on a public port). Never throws. */
export async function probeUrl(baseUrl, timeoutMs = 1500) {
  return (await loadReadiness()).probeReady(baseUrl, timeoutMs);
}

/**
 * Waits until a service just started answers ready; resolves with the milliseconds it took.
 * Rejects at once when its process exits (`exited` resolves), or after `timeoutMs` (libs/testing's wait).
 */
export async function waitUntilReady(baseUrl, { exited, timeoutMs, what }) {
  return (await loadReadiness()).waitUntilReady(baseUrl, { exited, timeoutMs, what });
}
