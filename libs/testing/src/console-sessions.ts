import { waitFor } from './wait-for';

/** A person signed in to the console: the cookie to send and the CSRF token for unsafe calls. */
export interface ConsoleSession {
  cookie: string;
  csrf: string;
  /** The whole Set-Cookie header sign-in answered. */
  setCookie: string;
  /** Sign-in's answer: user, account, csrf_token. */
  body: Record<string, unknown>;
}

export interface SessionAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A JSON call with a session cookie (and its CSRF token when given), or with none. */
export async function sessionCall(
  gateway: string,
  method: string,
  path: string,
  session: { cookie: string; csrf?: string } | null,
  body?: unknown,
): Promise<SessionAnswer> {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(session?.csrf ? { 'x-csrf-token': session.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = { text };
  }
  return { status: response.status, headers: response.headers, body: parsed as Record<string, unknown> };
}

/** Signs in through the first gateway and waits until every gateway knows the session. */
export async function signIn(gateways: string[], email: string, password: string): Promise<ConsoleSession> {
  const answer = await sessionCall(gateways[0], 'POST', '/v1/auth/login', null, { email, password });
  if (answer.status !== 200) throw new Error(`sign-in failed (${answer.status}): ${JSON.stringify(answer.body)}`);
  const setCookie = answer.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  for (const gateway of gateways) {
    await waitFor('the session at every gateway', async () =>
      (await sessionCall(gateway, 'GET', '/v1/auth/session', { cookie })).status === 200 ? true : undefined,
    );
  }
  return { cookie, csrf: String(answer.body['csrf_token']), setCookie, body: answer.body };
}

/** A password long enough for the platform, different per label. */
export const strongPassword = (label: string) => `${label}-correct-horse-battery`;

/**
 * Invites a person with `role` (as `inviter`, a session or any caller), accepts the invitation with
 * `strongPassword(role)`, and signs them in.
 */
export async function invitePerson(
  gateways: string[],
  inviter:
    | ConsoleSession
    | ((method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>),
  role: string,
): Promise<{ id: string; email: string; session: ConsoleSession }> {
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const invite = (path: string, body: unknown) =>
    typeof inviter === 'function' ? inviter('POST', path, body) : sessionCall(gateways[0], 'POST', path, inviter, body);
  const invited = await invite('/v1/admin/users', { email, role });
  if (invited.status !== 201) throw new Error(`invitation failed (${invited.status}): ${JSON.stringify(invited.body)}`);
  const token = new URL(String(invited.body['invite_url'])).hash.replace('#token=', '');
  const accepted = await sessionCall(gateways[0], 'POST', '/v1/auth/accept-invite', null, {
    token,
    password: strongPassword(role),
  });
  if (accepted.status !== 200) throw new Error(`accepting the invitation failed (${accepted.status})`);
  return { id: String(invited.body['id']), email, session: await signIn(gateways, email, strongPassword(role)) };
}
