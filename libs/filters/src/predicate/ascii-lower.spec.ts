import { asciiLower } from './ascii-lower';

describe('asciiLower', () => {
  it('lower-cases ASCII letters only', () => {
    expect(asciiLower('Hello, WORLD 42')).toBe('hello, world 42');
  });

  it('leaves every non-ASCII character as it is', () => {
    expect(asciiLower('ÄÖÜ İ ẞ \u212A Σ')).toBe('ÄÖÜ İ ẞ \u212A Σ'); // \u212A: Kelvin sign
    expect(asciiLower('ſ😀')).toBe('ſ😀');
  });
});
