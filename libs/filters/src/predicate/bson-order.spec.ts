import { bsonCompare, bsonEquals, compareCodePoints } from './bson-order';

describe('compareCodePoints', () => {
  it('orders like UTF-8 bytes, also where UTF-16 code units would not', () => {
    expect(compareCodePoints('a', 'b')).toBe(-1);
    expect(compareCodePoints('b', 'a')).toBe(1);
    expect(compareCodePoints('a', 'a')).toBe(0);
    expect(compareCodePoints('a', 'ab')).toBe(-1);
    // U+1F600 (surrogate pair) sorts after U+FF5E by code point, though its first unit is smaller.
    expect('😀' < '～').toBe(true);
    expect(compareCodePoints('😀', '～')).toBe(1);
    expect(compareCodePoints('\uE000', '\uD7FF')).toBe(1);
  });

  it('agrees with a code point by code point comparison on samples', () => {
    const samples = ['', 'a', 'Z', 'é', '～', '😀', '😀a', '\uE000', '\uFFFF', '𝔸', 'aé'];
    const reference = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0) ?? 0);
      const y = [...b].map((c) => c.codePointAt(0) ?? 0);
      for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return Math.sign(x[i] - y[i]);
      return Math.sign(x.length - y.length);
    };
    for (const a of samples) for (const b of samples) expect(compareCodePoints(a, b)).toBe(reference(a, b));
  });
});

describe('bsonEquals', () => {
  it('needs the same type', () => {
    expect(bsonEquals('5', 5)).toBe(false);
    expect(bsonEquals(0, false)).toBe(false);
    expect(bsonEquals(1, true)).toBe(false);
    expect(bsonEquals('true', true)).toBe(false);
  });

  it('compares numbers by value', () => {
    expect(bsonEquals(-0, 0)).toBe(true);
    expect(bsonEquals(2.5, 2.5)).toBe(true);
  });

  it('never matches missing, null or structures', () => {
    expect(bsonEquals(undefined, 'x')).toBe(false);
    expect(bsonEquals(null, 'x')).toBe(false);
    expect(bsonEquals(['x'], 'x')).toBe(false);
    expect(bsonEquals({ $eq: 'x' }, 'x')).toBe(false);
  });
});

describe('bsonCompare', () => {
  it('orders numbers, strings by code point, and booleans', () => {
    expect(bsonCompare(1, 2)).toBe(-1);
    expect(bsonCompare(-0, 0)).toBe(0);
    expect(bsonCompare(Number.MAX_VALUE, 1e308)).toBe(1);
    expect(bsonCompare('2024-05-02', '2024-05-01')).toBe(1);
    expect(bsonCompare(true, false)).toBe(1);
  });

  it('brackets by type: a value of another type is not ordered', () => {
    expect(bsonCompare('10', 5)).toBeNull();
    expect(bsonCompare(5, '4')).toBeNull();
    expect(bsonCompare(null, 5)).toBeNull();
    expect(bsonCompare(undefined, '2024-01-01')).toBeNull();
    expect(bsonCompare(false, 0)).toBeNull();
  });
});
