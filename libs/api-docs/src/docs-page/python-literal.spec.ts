import { pythonLiteral } from './python-literal';

describe('pythonLiteral', () => {
  it('writes JSON values as Python reads them', () => {
    expect(pythonLiteral({ a: true, b: false, c: null, d: [1, 'x'], e: {}, f: [] })).toBe(
      '{\n    "a": True,\n    "b": False,\n    "c": None,\n    "d": [\n        1,\n        "x",\n    ],\n    "e": {},\n    "f": [],\n}',
    );
  });

  it('keeps quotes and backslashes inside the string literal', () => {
    expect(pythonLiteral(`it's "quoted" \\ done`)).toBe('"it\'s \\"quoted\\" \\\\ done"');
  });
});
