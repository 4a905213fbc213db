import { BASE62_ALPHABET, encodeBase62Fixed, isBase62, randomBase62 } from './base62';

describe('base62', () => {
  it('has 62 distinct characters, digits then upper then lower case', () => {
    expect(new Set(BASE62_ALPHABET).size).toBe(62);
    expect(BASE62_ALPHABET).toMatch(/^0123456789A[A-Z]*Za[a-z]*z$/);
  });

  it('isBase62 checks charset and exact length', () => {
    expect(isBase62('aZ09', 4)).toBe(true);
    expect(isBase62('aZ09', 5)).toBe(false);
    expect(isBase62('aZ-9', 4)).toBe(false);
    expect(isBase62('aZ_9', 4)).toBe(false);
    expect(isBase62('aZé9', 4)).toBe(false);
    expect(isBase62(1234, 4)).toBe(false);
  });

  it('randomBase62 gives the asked length from the whole alphabet', () => {
    expect(randomBase62(0)).toBe('');
    const sample = Array.from({ length: 200 }, () => randomBase62(50)).join('');
    expect(isBase62(sample, 10_000)).toBe(true);
    expect(new Set(sample).size).toBe(62);
  });

  it('randomBase62 is roughly uniform (no modulo bias towards the first characters)', () => {
    const sample = randomBase62(62_000);
    const counts = new Map<string, number>();
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    // Expected 1000 each; a biased `byte % 62` would give the first 8 characters about 1250.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(200);
  });

  it('encodeBase62Fixed pads, orders most significant first, and fits 32 bits in 6 digits', () => {
    expect(encodeBase62Fixed(0, 6)).toBe('000000');
    expect(encodeBase62Fixed(61, 6)).toBe('00000z');
    expect(encodeBase62Fixed(62, 6)).toBe('000010');
    expect(encodeBase62Fixed(0xffffffff, 6)).toBe('4gfFC3');
    expect(encodeBase62Fixed(62 ** 6 - 1, 6)).toBe('zzzzzz');
  });

  it('encodeBase62Fixed refuses what does not fit or is not a whole number', () => {
    expect(() => encodeBase62Fixed(62 ** 6, 6)).toThrow(RangeError);
    expect(() => encodeBase62Fixed(-1, 6)).toThrow(RangeError);
    expect(() => encodeBase62Fixed(1.5, 6)).toThrow(RangeError);
    expect(() => encodeBase62Fixed(Number.NaN, 6)).toThrow(RangeError);
  });
});
