// The five services as the embedded default runs them: one process each, on fixed loopback ports.
export const SERVICES = [
  { app: 'gateway', port: 8080 },
  { app: 'identity', port: 8081 },
  { app: 'campaigns', port: 8082 },
  { app: 'leads', port: 8083 },
  { app: 'docs', port: 8084 },
];

export const GATEWAY_URL = 'http://127.0.0.1:8080';

export function serviceUrl({ app, port }, env = process.env) {
  return env[`LEADGATE_${app.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;
}

/** GET /health/ready of one service: { reachable, ready, body }. Never throws. */
export async function probeReadiness(service, timeoutMs = 1500) {
  try {
    const response = await fetch(`${serviceUrl(service)}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    return { reachable: true, ready: response.status === 200, body: await response.json() };
  } catch (error) {
    return { reachable: false, ready: false, body: null, error: error.message };
  }
}
