import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';

/** What the check reads of a request, under either HTTP adapter: the URL as sent, and the parsed query. */
export interface QueryBearing {
  url: string;
  originalUrl?: string;
  query?: unknown;
}

/**
 * API.md §2: a token travels only in the Authorization header. One in the query string ends up in
 * access logs, browser history and Referer headers, so `?access_token=` is refused (400) on every
 * route, public ones included, before anything (passport-http-bearer among them) could use it.
 */
export function refuseTokenInQuery(request: QueryBearing): void {
  if (!hasQueryToken(request)) return;
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    'token_in_query',
    'Token in query string',
    'A token is accepted only in the Authorization: Bearer header, never in the query string.',
  );
}

/** `access_token` as the raw query has it (any value, any bracket form) or as the parsed query does. */
function hasQueryToken(request: QueryBearing): boolean {
  const url = request.originalUrl ?? request.url;
  const start = url.indexOf('?');
  // Most calls have no query at all: nothing to parse.
  if (start === -1) return false;
  const names = [...new URLSearchParams(url.slice(start + 1)).keys()];
  if (names.some((name) => name === 'access_token' || name.startsWith('access_token['))) return true;
  const parsed = request.query as Record<string, unknown> | undefined;
  return parsed !== undefined && parsed['access_token'] !== undefined;
}
