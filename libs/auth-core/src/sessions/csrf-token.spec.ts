import { csrfTokenFor, csrfTokenMatches } from './csrf-token';

describe('csrf token', () => {
  it('is derived from the session secret: the same secret, the same token; another, another', () => {
    expect(csrfTokenFor('a'.repeat(32))).toBe(csrfTokenFor('a'.repeat(32)));
    expect(csrfTokenFor('a'.repeat(32))).not.toBe(csrfTokenFor('b'.repeat(32)));
    expect(csrfTokenFor('a'.repeat(32))).not.toContain('a'.repeat(8));
  });

  it('matches only the exact token', () => {
    const secret = 'S'.repeat(32);
    const token = csrfTokenFor(secret);
    expect(csrfTokenMatches(secret, token)).toBe(true);
    expect(csrfTokenMatches(secret, token.slice(1))).toBe(false);
    expect(csrfTokenMatches(secret, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(secret, '')).toBe(false);
    expect(csrfTokenMatches(secret, undefined)).toBe(false);
    expect(csrfTokenMatches(secret, [token])).toBe(false);
    expect(csrfTokenMatches('T'.repeat(32), token)).toBe(false);
  });
});
