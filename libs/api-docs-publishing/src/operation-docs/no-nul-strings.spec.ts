import { NO_NUL_PATTERN, withNulFreeStrings } from './no-nul-strings';

const EXTRA = { pattern: NO_NUL_PATTERN };
const KEYS = { pattern: NO_NUL_PATTERN };

describe('withNulFreeStrings', () => {
  it('gives free strings at any depth the NUL-free pattern, and leaves constrained strings and `not` alone', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', maxLength: 200 },
        note: { type: ['string', 'null'] },
        slug: { type: 'string', pattern: '^[a-z]+$' },
        kind: { type: 'string', enum: ['a', 'b'] },
        at: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string' } },
        either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        never: { not: { type: 'string' } },
      },
    };
    expect(withNulFreeStrings(schema)).toEqual({
      type: 'object',
      additionalProperties: false,
      propertyNames: KEYS,
      properties: {
        name: { type: 'string', maxLength: 200, pattern: NO_NUL_PATTERN },
        note: { type: ['string', 'null'], pattern: NO_NUL_PATTERN },
        slug: { type: 'string', pattern: '^[a-z]+$' },
        kind: { type: 'string', enum: ['a', 'b'] },
        at: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string', pattern: NO_NUL_PATTERN } },
        either: { anyOf: [{ type: 'string', pattern: NO_NUL_PATTERN }, { type: 'number' }] },
        never: { not: { type: 'string' } },
      },
    });
    expect(new RegExp(NO_NUL_PATTERN, 'u').test('a\u0000b')).toBe(false);
  });

  it('keeps the keys and the string values an open object or an any-value schema may take free of NUL', () => {
    expect(withNulFreeStrings({ type: 'object', properties: { token: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { token: { type: 'string', pattern: NO_NUL_PATTERN } },
      additionalProperties: EXTRA,
      propertyNames: KEYS,
    });
    expect(withNulFreeStrings({ type: 'object', additionalProperties: {} })).toEqual({
      type: 'object',
      additionalProperties: EXTRA,
      propertyNames: KEYS,
    });
    expect(withNulFreeStrings({ description: 'Ignored.' })).toEqual({
      description: 'Ignored.',
      pattern: NO_NUL_PATTERN,
    });
    expect(new RegExp(NO_NUL_PATTERN, 'u').test('äb c')).toBe(true);
  });
});
