import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'pino';
import { normalizeRequestId, runWithRequestContext } from '@leadgate/observability/context/request-context';
import { ServiceMetrics } from '@leadgate/observability/metrics/metrics';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Paths probed many times a minute; they are measured but not logged, to keep logs readable. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** How one framework names the matched route template of a request, once it is answered. */
export type RouteTemplateOf<R> = (request: R) => string;

/**
 * The observation itself, on Node's own request and response so every HTTP adapter (Express,
 * Fastify) runs the same code: gives the request an id (the caller's, if it is safe), echoes it
 * back, runs the rest of the request inside that context, and records one access log line and one
 * histogram sample when the response is finished.
 */
export function observeRequests<R>(logger: Logger, metrics: ServiceMetrics, routeOf: RouteTemplateOf<R>) {
  return (request: R, raw: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const requestId = normalizeRequestId(raw.headers[REQUEST_ID_HEADER]);
    raw.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      const method = raw.method ?? 'GET';
      const status = response.statusCode;
      metrics.observeHttpRequest(method, route, statusLabel(status), seconds);
      // The line is only built when the level lets it out (the bench runs at warn). The request id
      // is given directly: no request context has to be entered again for one log call.
      if (!logger.isLevelEnabled('info') || QUIET_PATHS.has(pathOf(raw))) return;
      logger.info(
        { request_id: requestId, method, route, status, duration_ms: Math.round(seconds * 1e4) / 10 },
        'request finished',
      );
    });
    runWithRequestContext({ requestId }, next);
  };
}

/** Express middleware, installed first (see observeRequests). */
export function requestObserver(logger: Logger, metrics: ServiceMetrics) {
  const observe = observeRequests<Request>(logger, metrics, expressRouteTemplate);
  return (request: Request, response: Response, next: NextFunction): void =>
    observe(request, request, response, () => next());
}

/** The matched route template (`/v1/campaigns/:id`), never the raw path, to keep label cardinality low. */
function expressRouteTemplate(request: Request): string {
  const routePath = (request.route as { path?: string } | undefined)?.path;
  return routePath ? `${request.baseUrl}${routePath}` : 'unmatched';
}

function pathOf(request: IncomingMessage): string {
  const url = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Status labels are a few dozen strings: made once, not per request. */
const STATUS_LABELS = new Map<number, string>();
function statusLabel(status: number): string {
  let label = STATUS_LABELS.get(status);
  if (label === undefined) STATUS_LABELS.set(status, (label = String(status)));
  return label;
}
