import fc from 'fast-check';
import { BASE62_ALPHABET } from './base62';
import {
  formatTokenString,
  generateTokenString,
  parseTokenString,
  TOKEN_KINDS,
  TOKEN_PREFIXES,
  TOKEN_STRING_LENGTH,
} from './token-string';

const base62 = (length: number) =>
  fc.string({ unit: fc.constantFrom(...BASE62_ALPHABET), minLength: length, maxLength: length });
const kind = fc.constantFrom(...TOKEN_KINDS);
const parts = fc.record({ kind, publicId: base62(16), secret: base62(32) });
const validToken = parts.map(formatTokenString);
// Replacement characters: base62 (the likely typo), the separator, and anything at all.
const anyChar = fc.oneof(
  fc.constantFrom(...BASE62_ALPHABET, '_', '-', ' '),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('token string properties', () => {
  it('generated tokens always parse back to the same parts', () => {
    fc.assert(
      fc.property(kind, (k) => {
        const { token, ...generated } = generateTokenString(k);
        expect(parseTokenString(token)).toEqual({ ok: true, ...generated });
      }),
      { numRuns: 500 },
    );
  });

  it('formatted parts always parse back to the same parts', () => {
    fc.assert(fc.property(parts, (p) => expect(parseTokenString(formatTokenString(p))).toEqual({ ok: true, ...p })));
  });

  it('any single-character change to a valid token is refused', () => {
    fc.assert(
      fc.property(validToken, fc.nat({ max: TOKEN_STRING_LENGTH - 1 }), anyChar, (token, at, char) => {
        fc.pre(token[at] !== char);
        const changed = token.slice(0, at) + char + token.slice(at + 1);
        const result = parseTokenString(changed);
        expect(result.ok).toBe(false);
        // Only a change inside the prefix can make the prefix unknown; anywhere else it is caught as
        // malformed or by the checksum.
        if (!result.ok && result.reason === 'unknown_prefix') expect(at).toBeLessThan(4);
      }),
      { numRuns: 2000 },
    );
  });

  it('swapping two different neighbouring characters is refused', () => {
    fc.assert(
      fc.property(validToken, fc.nat({ max: TOKEN_STRING_LENGTH - 2 }), (token, at) => {
        fc.pre(token[at] !== token[at + 1]);
        const swapped = token.slice(0, at) + token[at + 1] + token[at] + token.slice(at + 2);
        expect(parseTokenString(swapped).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('dropping or adding a character is refused as malformed', () => {
    fc.assert(
      fc.property(validToken, fc.nat({ max: TOKEN_STRING_LENGTH - 1 }), anyChar, (token, at, char) => {
        const dropped = token.slice(0, at) + token.slice(at + 1);
        const added = token.slice(0, at) + char + token.slice(at);
        expect(parseTokenString(dropped).ok).toBe(false);
        expect(parseTokenString(added).ok).toBe(false);
      }),
    );
  });

  it('random input never throws, and parses only if it is exactly a valid token', () => {
    const input = fc.oneof(
      fc.anything(),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom(...BASE62_ALPHABET, '_'), maxLength: 80 }),
    );
    fc.assert(
      fc.property(input, (value) => {
        const result = parseTokenString(value);
        if (result.ok) expect(formatTokenString(result)).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('a well-shaped string with a random checksum is refused unless the checksum is right', () => {
    fc.assert(
      fc.property(kind, base62(16), base62(32), base62(6), (k, publicId, secret, checksum) => {
        const value = `${TOKEN_PREFIXES[k]}${publicId}_${secret}${checksum}`;
        const result = parseTokenString(value);
        const right = formatTokenString({ kind: k, publicId, secret }) === value;
        expect(result).toEqual(right ? { ok: true, kind: k, publicId, secret } : { ok: false, reason: 'bad_checksum' });
      }),
    );
  });
});
