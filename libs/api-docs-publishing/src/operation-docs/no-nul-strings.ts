type Json = Record<string, unknown>;

/** Every service refuses U+0000 anywhere in a body (422): the database behind FerretDB cannot store it. */
export const NO_NUL_PATTERN = '^[^\\u0000]*$';

/** Keys and the values of keys a schema does not name: strings among them hold no NUL either. */
const NUL_FREE_KEYS = { pattern: NO_NUL_PATTERN };
const NUL_FREE_EXTRA = { pattern: NO_NUL_PATTERN };

/** Keywords whose value is one schema, or a list or map of them, that a body's strings may sit under. */
const ONE = ['items', 'additionalProperties', 'contains', 'unevaluatedProperties'];
const MANY = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs'];
/** Keywords that say what a value is: a schema with none of them takes any value. */
const SHAPING = ['type', '$ref', 'enum', 'const', 'not', 'properties', 'items', ...MANY];

const typeIs = (schema: Json, type: string) =>
  schema['type'] === type || (Array.isArray(schema['type']) && schema['type'].includes(type));

/**
 * A request body schema that says what the platform enforces on every body: no NUL in a string or
 * key. Free strings get the NUL-free pattern (strings held to a pattern, an enum, a const or a format
 * admit none already), and so do keys, the string values of keys an object leaves open (form fields
 * RFC 6749 says to ignore) and any-value schemas (`pattern` holds for strings only). `not` is never
 * entered: a pattern there would mean the opposite.
 */
export function withNulFreeStrings(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const result: Json = { ...(schema as Json) };
  if (!SHAPING.some((keyword) => keyword in result)) return { ...result, pattern: NO_NUL_PATTERN };
  if (typeIs(result, 'string') && !['pattern', 'enum', 'const', 'format'].some((keyword) => keyword in result)) {
    result['pattern'] = NO_NUL_PATTERN;
  }
  if (typeIs(result, 'object')) {
    if (result['additionalProperties'] === undefined || result['additionalProperties'] === true) {
      result['additionalProperties'] = NUL_FREE_EXTRA;
    }
    result['propertyNames'] ??= NUL_FREE_KEYS;
  }
  for (const keyword of ONE) if (keyword in result) result[keyword] = withNulFreeStrings(result[keyword]);
  for (const keyword of MANY) {
    if (Array.isArray(result[keyword])) result[keyword] = (result[keyword] as unknown[]).map(withNulFreeStrings);
  }
  for (const keyword of MAP) {
    const map = result[keyword];
    if (typeof map === 'object' && map !== null) {
      result[keyword] = Object.fromEntries(Object.entries(map).map(([key, value]) => [key, withNulFreeStrings(value)]));
    }
  }
  return result;
}
