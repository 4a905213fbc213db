import { EdgeCheck, sendProblem } from '@leadgate/service-kit';
import type { IncomingMessage } from 'node:http';

/** Methods whose requests carry no body here (API.md §9); one that comes with a body is refused, never forwarded. */
const BODILESS_METHODS = new Set(['GET', 'HEAD', 'DELETE']);

export function isBodilessMethod(method: string | undefined): boolean {
  return BODILESS_METHODS.has(method ?? '');
}

/** True when a request announces a body, by Content-Length or Transfer-Encoding. */
export function carriesBody(request: IncomingMessage): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/** True when a GET, HEAD or DELETE announces a body. */
export function carriesForbiddenBody(request: IncomingMessage): boolean {
  return isBodilessMethod(request.method) && carriesBody(request);
}

/**
 * The first check the gateway makes on any request, on every path (routed, local or unknown): a
 * GET, HEAD or DELETE with a body is answered 400 and its connection closed, so the unread body's
 * bytes can never be taken for a next request on this socket or any other.
 */
export const refuseBodiesOnBodilessMethods: EdgeCheck = (request, response) => {
  if (!carriesForbiddenBody(request)) return false;
  response.setHeader('Connection', 'close');
  sendProblem(
    response,
    400,
    'body_not_allowed',
    'Body not allowed',
    `A ${request.method} request may not carry a body (Content-Length or Transfer-Encoding).`,
  );
  return true;
};
