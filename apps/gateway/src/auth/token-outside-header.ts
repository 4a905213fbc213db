import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import type { Request } from 'express';

/**
 * API.md §2: a token travels only in the Authorization header. One in the query string ends up in
 * access logs, browser history and Referer headers, so `?access_token=` is refused (400) on every
 * route, public ones included, before anything (passport-http-bearer among them) could use it.
 */
export function refuseTokenInQuery(request: Request): void {
  if (!hasQueryToken(request)) return;
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    'token_in_query',
    'Token in query string',
    'A token is accepted only in the Authorization: Bearer header, never in the query string.',
  );
}

/** `access_token` as the raw query has it (any value, any bracket form) or as the parsed query does. */
function hasQueryToken(request: Request): boolean {
  const query = request.originalUrl.split('?').slice(1).join('?');
  const names = [...new URLSearchParams(query).keys()];
  if (names.some((name) => name === 'access_token' || name.startsWith('access_token['))) return true;
  const parsed = request.query as Record<string, unknown> | undefined;
  return parsed !== undefined && parsed['access_token'] !== undefined;
}
