import { exceedsDepth, jsonText } from './json-text';

function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe('jsonText', () => {
  it.each([
    null,
    0,
    -1.5e300,
    'quote " backslash \\ line\n \u2028 \ud800',
    true,
    [],
    {},
    [1, 'two', null, [3, { four: [] }]],
    { a: 1, 'b.c': { $d: ['e', { f: false }] }, __proto__: { not: 'own' }, '': '' },
    { skipped: undefined, fn: () => 1, kept: [undefined, () => 1, Number.NaN, Infinity] },
    { when: new Date(0) },
    JSON.parse('{"__proto__":{"own":"key"},"constructor":1}') as unknown,
  ])('writes what JSON.stringify writes for %j', (value) => {
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  it('writes undefined at the top as null', () => {
    expect(jsonText(undefined)).toBe('null');
  });

  it('writes a body nested 100,000 deep, where JSON.stringify overflows', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(jsonText(deep)).toBe(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  });

  it('refuses a cycle and a BigInt, like JSON.stringify', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = { back: cyclic };
    expect(() => jsonText(cyclic)).toThrow(TypeError);
    expect(() => jsonText({ n: BigInt(1) })).toThrow(TypeError);
    // The same object twice, side by side, is no cycle.
    const shared = { x: 1 };
    expect(jsonText([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});

describe('exceedsDepth', () => {
  it('counts arrays and objects nested inside each other', () => {
    expect(exceedsDepth('text', 0)).toBe(false);
    expect(exceedsDepth({}, 0)).toBe(true);
    expect(exceedsDepth({ a: [1] }, 2)).toBe(false);
    expect(exceedsDepth({ a: [1] }, 1)).toBe(true);
    expect(exceedsDepth(nestedArrays(32), 32)).toBe(false);
    expect(exceedsDepth(nestedArrays(33), 32)).toBe(true);
  });

  it('answers for 100,000 levels without overflowing', () => {
    expect(exceedsDepth(nestedArrays(100_000), 32)).toBe(true);
  });
});
