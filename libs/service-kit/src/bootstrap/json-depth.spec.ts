import { isJsonMediaType, jsonDepthExceeds } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepthExceeds', () => {
  it('allows 32 levels and refuses 33, objects and arrays alike', () => {
    expect(jsonDepthExceeds(bytes(nested(32)))).toBe(false);
    expect(jsonDepthExceeds(bytes(nested(33)))).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":'.repeat(33) + '1' + '}'.repeat(33)))).toBe(true);
  });

  it('scans 100,000 levels without recursion', () => {
    expect(jsonDepthExceeds(bytes(nested(100_000)))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const inString = JSON.stringify({ text: `\\"${'['.repeat(100)}"é` });
    expect(jsonDepthExceeds(bytes(inString))).toBe(false);
    expect(jsonDepthExceeds(bytes(JSON.stringify({ fields: { name: '{[{[' } })), 1)).toBe(true);
    expect(jsonDepthExceeds(bytes(JSON.stringify({ name: '{[{[' })), 1)).toBe(false);
  });

  it('knows JSON media types', () => {
    expect(isJsonMediaType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonMediaType('application/merge-patch+json')).toBe(true);
    expect(isJsonMediaType('multipart/form-data; boundary=x')).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
  });
});
