import {
  formatTokenString,
  generatePublicId,
  generateTokenString,
  isPublicId,
  parseTokenString,
  TOKEN_KINDS,
  TOKEN_PREFIXES,
  TOKEN_STRING_LENGTH,
} from './token-string';

// A fixed token, computed independently (Python zlib.crc32): pins the format so it never drifts.
const KNOWN = {
  kind: 'api_token',
  publicId: 'AbCdEfGh01234567',
  secret: '0123456789abcdefghijABCDEFGHIJkl',
} as const;
const KNOWN_TOKEN = 'lgt_AbCdEfGh01234567_0123456789abcdefghijABCDEFGHIJkl0GRY7Z';

describe('token string format', () => {
  it('formats known parts exactly', () => {
    expect(formatTokenString(KNOWN)).toBe(KNOWN_TOKEN);
    expect(parseTokenString(KNOWN_TOKEN)).toEqual({ ok: true, ...KNOWN });
  });

  it('uses the prefixes of API.md (lgt_, lgs_), lga_ for access tokens, lgu_ sessions, lgi_ invitations', () => {
    expect(TOKEN_PREFIXES).toEqual({
      api_token: 'lgt_',
      client_secret: 'lgs_',
      access_token: 'lga_',
      session: 'lgu_',
      invitation: 'lgi_',
    });
  });

  it.each(TOKEN_KINDS)('generates %s tokens of the documented shape', (kind) => {
    const generated = generateTokenString(kind);
    expect(generated.token).toHaveLength(TOKEN_STRING_LENGTH);
    expect(generated.token).toMatch(new RegExp(`^${TOKEN_PREFIXES[kind]}[0-9A-Za-z]{16}_[0-9A-Za-z]{38}$`));
    expect(generated.token.startsWith(`${TOKEN_PREFIXES[kind]}${generated.publicId}_${generated.secret}`)).toBe(true);
    expect(parseTokenString(generated.token)).toEqual({
      ok: true,
      kind,
      publicId: generated.publicId,
      secret: generated.secret,
    });
  });

  it('gives every token its own public id and secret', () => {
    const tokens = Array.from({ length: 500 }, () => generateTokenString('api_token'));
    expect(new Set(tokens.map((token) => token.publicId)).size).toBe(500);
    expect(new Set(tokens.map((token) => token.secret)).size).toBe(500);
  });

  it('rotates by keeping the public id and changing the secret', () => {
    const first = generateTokenString('api_token');
    const rotated = generateTokenString('api_token', { publicId: first.publicId });
    expect(rotated.publicId).toBe(first.publicId);
    expect(rotated.secret).not.toBe(first.secret);
    expect(parseTokenString(rotated.token).ok).toBe(true);
  });

  it('refuses to format parts it could not have made', () => {
    expect(() => generateTokenString('api_token', { publicId: 'short' })).toThrow(TypeError);
    expect(() => formatTokenString({ ...KNOWN, secret: 'x'.repeat(31) })).toThrow(TypeError);
    expect(() => formatTokenString({ ...KNOWN, secret: `${'x'.repeat(31)}_` })).toThrow(TypeError);
    expect(() => formatTokenString({ ...KNOWN, kind: 'nope' as 'api_token' })).toThrow(TypeError);
  });

  it('makes public ids of 16 base62 characters', () => {
    expect(isPublicId(generatePublicId())).toBe(true);
    expect(isPublicId('AbCdEfGh0123456')).toBe(false);
    expect(isPublicId(null)).toBe(false);
  });
});

describe('parseTokenString refusals', () => {
  const body = KNOWN_TOKEN.slice(4);

  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'malformed'],
    ['a number', 42, 'malformed'],
    ['an object', { token: KNOWN_TOKEN }, 'malformed'],
    ['the empty string', '', 'malformed'],
    ['a huge string', 'lgt_'.padEnd(50_000_000, 'A'), 'malformed'],
    ['leading whitespace', ` ${KNOWN_TOKEN}`, 'malformed'],
    ['trailing newline', `${KNOWN_TOKEN}\n`, 'malformed'],
    ['a Bearer prefix', `Bearer ${KNOWN_TOKEN}`, 'malformed'],
    ['upper-case prefix', `LGT_${body}`, 'malformed'],
    ['a truncated token', KNOWN_TOKEN.slice(0, -1), 'malformed'],
    ['one character more', `${KNOWN_TOKEN}A`, 'malformed'],
    ['a missing separator', KNOWN_TOKEN.replace('67_0', '67-0'), 'malformed'],
    ['a non-base62 character', KNOWN_TOKEN.replace('abc', 'a+c'), 'malformed'],
    ['a non-ASCII letter', KNOWN_TOKEN.replace('abc', 'aéc'), 'malformed'],
    ['another vendor prefix', `ghp_${body}`, 'unknown_prefix'],
    ['the client id prefix', `lgc_${body}`, 'unknown_prefix'],
    ['a changed secret', KNOWN_TOKEN.replace('abc', 'abd'), 'bad_checksum'],
    ['a changed checksum', KNOWN_TOKEN.replace(/0GRY7Z$/, '0GRY7Y'), 'bad_checksum'],
    ['a token of another kind with this body', `lgs_${body}`, 'bad_checksum'],
  ])('refuses %s as %s', (_label, value, reason) => {
    expect(parseTokenString(value)).toEqual({ ok: false, reason });
  });

  it('refuses a huge string at once, without scanning it', () => {
    const huge = 'x'.repeat(100_000_000);
    const started = process.hrtime.bigint();
    expect(parseTokenString(huge)).toEqual({ ok: false, reason: 'malformed' });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  });
});
