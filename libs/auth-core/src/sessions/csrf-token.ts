import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of a console session (API.md §11), derived from the session's secret rather than
 * stored: identity answers it at sign-in, the gateway recomputes it from the cookie, and nothing
 * has to be kept or published. Another origin can neither read the cookie nor compute this.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('leadgate-csrf-v1').digest('base64url');
}

/** Whether `presented` is the session's CSRF token, compared in constant time. */
export function csrfTokenMatches(sessionSecret: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 128) return false;
  const expected = Buffer.from(csrfTokenFor(sessionSecret));
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
