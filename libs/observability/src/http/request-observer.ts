import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';
import { normalizeRequestId, runWithRequestContext } from '@leadgate/observability/context/request-context';
import { ServiceMetrics } from '@leadgate/observability/metrics/metrics';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Paths probed many times a minute; they are measured but not logged, to keep logs readable. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * Express middleware, installed first: gives each request an id (the caller's, if it is safe),
 * echoes it back, runs the rest of the request inside that context, and records one access log
 * line and one histogram sample when the response is finished.
 */
export function requestObserver(logger: Logger, metrics: ServiceMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const requestId = normalizeRequestId(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();

    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplate(request);
      metrics.httpDuration.observe({ method: request.method, route, status: String(response.statusCode) }, seconds);
      if (QUIET_PATHS.has(request.path)) return;
      runWithRequestContext({ requestId }, () =>
        logger.info(
          { method: request.method, route, status: response.statusCode, duration_ms: Math.round(seconds * 1e4) / 10 },
          'request finished',
        ),
      );
    });

    runWithRequestContext({ requestId }, () => next());
  };
}

/** The matched route template (`/v1/campaigns/:id`), never the raw path, to keep label cardinality low. */
function routeTemplate(request: Request): string {
  const routePath = (request.route as { path?: string } | undefined)?.path;
  return routePath ? `${request.baseUrl}${routePath}` : 'unmatched';
}
