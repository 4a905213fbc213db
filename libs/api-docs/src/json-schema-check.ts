import { JsonSchema } from './model';

/**
 * A small JSON Schema checker for the keywords these documents use (type, const, enum, required,
 * properties, additionalProperties: false, pattern, minLength, maxLength, anyOf, not, $ref into components).
 */
export function schemaProblems(schema: JsonSchema, value: unknown, root: JsonSchema, path = '$'): string[] {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    return schemaProblems(target as JsonSchema, value, root, path);
  }
  const problems: string[] = [];
  const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
  const typeOf = (item: unknown) =>
    item === null ? 'null' : Array.isArray(item) ? 'array' : Number.isInteger(item) ? 'integer' : typeof item;
  const actual = typeOf(value);
  if (types.length > 0 && !types.some((type) => type === actual || (type === 'number' && actual === 'integer'))) {
    problems.push(`${path}: ${actual} is not ${types.join('|')}`);
  }
  if ('const' in schema && schema['const'] !== value) problems.push(`${path}: not const ${String(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) problems.push(`${path}: not in enum`);
  if (schema['not'] !== undefined) problems.push(`${path}: no value allowed`);
  if (typeof value === 'string') {
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value))
      problems.push(`${path}: does not match ${schema['pattern']}`);
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) problems.push(`${path}: short`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) problems.push(`${path}: long`);
  }
  if (Array.isArray(schema['anyOf'])) {
    const options = schema['anyOf'] as JsonSchema[];
    if (!options.some((option) => schemaProblems(option, value, root, path).length === 0))
      problems.push(`${path}: matches no anyOf`);
  }
  if (actual === 'object' && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema['required'] ?? []) as string[]) {
      if (!(key in record)) problems.push(`${path}.${key}: required`);
    }
    for (const [key, item] of Object.entries(record)) {
      if (properties[key]) problems.push(...schemaProblems(properties[key], item, root, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) problems.push(`${path}.${key}: not allowed`);
    }
  }
  if (Array.isArray(value) && schema['items']) {
    value.forEach((item, index) =>
      problems.push(...schemaProblems(schema['items'] as JsonSchema, item, root, `${path}[${index}]`)),
    );
  }
  return problems;
}
