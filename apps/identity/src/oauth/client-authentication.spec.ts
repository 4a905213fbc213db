import { invalidClient, presentsClientCredentials, readClientCredentials } from './client-authentication';
import { OAuthError } from './oauth-error';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function oauthErrorOf(read: () => unknown): OAuthError {
  try {
    read();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected an OAuthError');
}

describe('readClientCredentials', () => {
  it('reads HTTP Basic, form-decoding id and secret (RFC 6749 §2.3.1)', () => {
    expect(readClientCredentials(basic('cli%3Aent', 'se%25cret'), {})).toEqual({
      clientId: 'cli:ent',
      clientSecret: 'se%cret',
      viaBasic: true,
    });
  });

  it('keeps a colon inside the secret', () => {
    expect(readClientCredentials(basic('client', 'a:b'), {}).clientSecret).toBe('a:b');
  });

  it('reads the form body when there is no Basic header', () => {
    expect(readClientCredentials(undefined, { client_id: 'client', client_secret: 'secret' })).toEqual({
      clientId: 'client',
      clientSecret: 'secret',
      viaBasic: false,
    });
  });

  it('refuses two authentication methods at once with invalid_request', () => {
    const error = oauthErrorOf(() => readClientCredentials(basic('client', 'secret'), { client_id: 'client' }));
    expect(error.code).toBe('invalid_request');
    expect(error.getStatus()).toBe(400);
  });

  it('answers invalid_client with a Basic challenge for Basic credentials it cannot read', () => {
    const noColon = `Basic ${Buffer.from('nocolon').toString('base64')}`;
    const badEscape = basic('%E0%A4%A', 'secret');
    for (const header of [noColon, badEscape]) {
      const error = oauthErrorOf(() => readClientCredentials(header, {}));
      expect(error.code).toBe('invalid_client');
      expect(error.getStatus()).toBe(401);
      expect(error.headers['WWW-Authenticate']).toContain('Basic');
    }
  });

  it('answers invalid_client without a challenge for a form body missing a field or with a non-string', () => {
    for (const body of [{ client_id: 'client' }, { client_secret: 'secret' }, { client_id: 'c', client_secret: 1 }]) {
      const error = oauthErrorOf(() => readClientCredentials(undefined, body));
      expect(error.code).toBe('invalid_client');
      expect(error.headers).toEqual({});
    }
  });
});

describe('presentsClientCredentials', () => {
  it('is true for Basic or any client field in the form, false otherwise', () => {
    expect(presentsClientCredentials(basic('a', 'b'), {})).toBe(true);
    expect(presentsClientCredentials(undefined, { client_id: 'a' })).toBe(true);
    expect(presentsClientCredentials(undefined, { client_secret: 'b' })).toBe(true);
    expect(presentsClientCredentials('Bearer lgt_x', { token: 'x' })).toBe(false);
    expect(presentsClientCredentials(undefined, {})).toBe(false);
  });
});

describe('invalidClient', () => {
  it('challenges with Basic only when the client used Basic', () => {
    expect(invalidClient(true).headers).toEqual({ 'WWW-Authenticate': 'Basic realm="leadgate", charset="UTF-8"' });
    expect(invalidClient(false).headers).toEqual({});
  });
});
