import fc from 'fast-check';
import { hashSecret, secretMatches } from './secret-hash';

describe('hashSecret', () => {
  it('is lower-case SHA-256 hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSecret('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('secretMatches', () => {
  const stored = hashSecret('s3cret');

  it('matches the right secret only', () => {
    expect(secretMatches('s3cret', stored)).toBe(true);
    expect(secretMatches('s3cre', stored)).toBe(false);
    expect(secretMatches('S3cret', stored)).toBe(false);
  });

  it('never matches a stored value that is not SHA-256 hex, and never throws on one', () => {
    expect(secretMatches('s3cret', stored.toUpperCase())).toBe(false);
    expect(secretMatches('s3cret', stored.slice(1))).toBe(false);
    expect(secretMatches('s3cret', `${stored}00`)).toBe(false);
    expect(secretMatches('s3cret', '')).toBe(false);
    expect(secretMatches('s3cret', 'zz'.repeat(32))).toBe(false);
    expect(secretMatches(undefined as unknown as string, stored)).toBe(false);
    expect(secretMatches('s3cret', null as unknown as string)).toBe(false);
  });

  it('matches a secret to its own hash and to no other', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.string({ maxLength: 64 }), (a, b) => {
        expect(secretMatches(a, hashSecret(a))).toBe(true);
        if (a !== b) expect(secretMatches(a, hashSecret(b))).toBe(false);
      }),
    );
  });
});
