import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@leadgate/service-kit';
import type { Request } from 'express';

/**
 * API.md §2: a token travels only in the Authorization header. One in the query string ends up in
 * access logs, browser history and Referer headers, so `?access_token=` is refused (400) on every
 * route, public ones included, before anything (passport-http-bearer among them) could use it.
 */
export function refuseTokenInQuery(request: Request): void {
  const query = request.originalUrl.split('?').slice(1).join('?');
  if (query === '' || !new URLSearchParams(query).has('access_token')) return;
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    'token_in_query',
    'Token in query string',
    'A token is accepted only in the Authorization: Bearer header, never in the query string.',
  );
}
