/**
 * The console session cookie (API.md §11): `HttpOnly` (no script reads it), `SameSite=Strict` (no
 * other site's page sends it), `Secure` when the caller reached the edge over HTTPS, `Path=/`. No
 * `Max-Age`: it ends with the browser, and the session itself ends server-side (idle and maximum).
 */
export const SESSION_COOKIE = 'leadgate_session';

/** The session cookie's value from a Cookie header, or undefined. Only the first one counts. */
export function readSessionCookie(cookieHeader: string | string[] | undefined): string | undefined {
  const header = Array.isArray(cookieHeader) ? cookieHeader.join('; ') : cookieHeader;
  if (!header || header.length > 8192) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === SESSION_COOKIE) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

function attributes(secure: boolean): string {
  return `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function sessionCookie(session: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${session}; ${attributes(secure)}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${attributes(secure)}`;
}
