import type { Request, RequestHandler } from 'express';
import { sendProblem } from '@leadgate/service-kit/errors/send-problem';

/** True for a parsed form body (application/x-www-form-urlencoded) that has an `access_token` field. */
export function hasFormAccessToken(request: Pick<Request, 'body' | 'is'>): boolean {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'access_token')) return false;
  return request.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded';
}

/**
 * API.md §2: a token travels only in the Authorization header. The gateway streams bodies, so a
 * token in a form field (RFC 6750 §2.2) reaches the service; it is refused here (400), never used,
 * and the form is not stored either (the sender is told, rather than a post kept without its token).
 */
export const refuseTokenInFormBody: RequestHandler = (request, response, next) => {
  if (!hasFormAccessToken(request)) return next();
  sendProblem(
    response,
    400,
    'token_in_body',
    'Token in request body',
    'A token is accepted only in the Authorization: Bearer header, never as a form field.',
  );
};
