import { OAuthError } from './oauth-error';

export interface ClientCredentialsPresented {
  clientId: string;
  clientSecret: string;
  /** RFC 6749 §5.2: a client that used HTTP Basic gets a Basic challenge back on failure. */
  viaBasic: boolean;
}

/**
 * Reads client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded then base64) or from the
 * form body, never from both at once.
 */
export function readClientCredentials(
  authorization: string | undefined,
  body: Record<string, unknown>,
): ClientCredentialsPresented {
  const inBody = typeof body['client_id'] === 'string' || typeof body['client_secret'] === 'string';
  if (authorization?.startsWith('Basic ')) {
    if (inBody) throw new OAuthError('invalid_request', 400, 'Use one client authentication method, not two.');
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidClient(true);
    try {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
        viaBasic: true,
      };
    } catch {
      throw invalidClient(true);
    }
  }
  const clientId = body['client_id'];
  const clientSecret = body['client_secret'];
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string') throw invalidClient(false);
  return { clientId, clientSecret, viaBasic: false };
}

/** Does the request try client authentication at all (HTTP Basic, or a client id or secret in the form)? */
export function presentsClientCredentials(authorization: string | undefined, body: Record<string, unknown>): boolean {
  return (
    authorization?.startsWith('Basic ') === true ||
    body['client_id'] !== undefined ||
    body['client_secret'] !== undefined
  );
}

export function invalidClient(viaBasic: boolean): OAuthError {
  return new OAuthError(
    'invalid_client',
    401,
    'Client authentication failed.',
    viaBasic ? { 'WWW-Authenticate': 'Basic realm="leadgate", charset="UTF-8"' } : {},
  );
}
