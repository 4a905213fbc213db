import { SESSION_END_HEADER, SESSION_ISSUE_HEADER } from '@leadgate/service-kit';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { Route } from '@gateway/routing/route-table';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

/** Headers of a service's answer that only the gateway reads: never passed on to the caller. */
export const SESSION_ANSWER_HEADERS = new Set([SESSION_ISSUE_HEADER, SESSION_END_HEADER]);

/**
 * The cookie a service's answer asks for: on sign-in the session identity made, on sign-out an
 * expired cookie. Only on the routes marked for it, so no other answer can set a session.
 */
export function applySessionAnswer(
  route: Route,
  answer: IncomingHttpHeaders,
  response: ServerResponse,
  secureCookies: boolean,
): void {
  const issued = answer[SESSION_ISSUE_HEADER];
  if (route.session === 'issue' && typeof issued === 'string' && issued.length > 0) {
    response.setHeader('Set-Cookie', sessionCookie(issued, secureCookies));
  }
  if (route.session === 'end' && answer[SESSION_END_HEADER] !== undefined) {
    response.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
  }
}
