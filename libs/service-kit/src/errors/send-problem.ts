import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from './problem';

/**
 * Answers an RFC 9457 problem on Node's own response, where Nest's exception filter does not reach
 * (body parsing, the gateway's edge checks and its proxy). Works under either HTTP adapter: an
 * Express response is a Node response too.
 */
export function sendProblem(
  response: ServerResponse,
  status: number,
  type: string,
  title: string,
  detail: string,
): void {
  const body = JSON.stringify({ type: problemTypeUri(type), title, status, detail, instance: instanceOf(response) });
  response.statusCode = status;
  response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}

/** The request's path without its query: Express keeps it as originalUrl, Node as url. */
function instanceOf(response: ServerResponse): string | undefined {
  const request = response.req as (typeof response.req & { originalUrl?: string }) | undefined;
  return (request?.originalUrl ?? request?.url)?.split('?')[0];
}
