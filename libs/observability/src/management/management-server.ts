import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { readinessStatus, ReadinessRegistry } from '@leadgate/observability/health/readiness';
import { ServiceMetrics } from '@leadgate/observability/metrics/metrics';
import { ServiceInfo } from '@leadgate/observability/service-info';

export interface ManagementOptions {
  host: string;
  port: number;
  readiness: ReadinessRegistry;
  metrics: ServiceMetrics;
  info: ServiceInfo;
}

/**
 * The operators' listener (MANAGEMENT_PORT, loopback by default): Prometheus `/metrics` and the
 * detailed readiness (checks, broker state, read-model lag), which say too much about the inside
 * for the public port. A plain node:http server: no request logs, no Nest, nothing public routes share.
 */
export async function startManagementServer(options: ManagementOptions): Promise<Server> {
  const server = createServer((request, response) => {
    void answer(options, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, { status: 'error' });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

async function answer(options: ManagementOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, { status: 'method_not_allowed' });
  const { info, readiness, metrics } = options;
  switch (path) {
    case '/metrics': {
      const text = await metrics.registry.metrics();
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(text);
      return;
    }
    case '/health/live':
      return send(response, 200, {
        status: 'ok',
        service: info.name,
        version: info.version,
        instance: info.instanceId,
        uptime_s: process.uptime(),
      });
    case '/health/ready': {
      const report = await readiness.report();
      return send(response, report.ready ? 200 : 503, {
        status: readinessStatus(report),
        service: info.name,
        version: info.version,
        instance: info.instanceId,
        checks: report.checks,
      });
    }
    default:
      return send(response, 404, { status: 'not_found' });
  }
}

function send(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
