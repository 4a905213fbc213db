import {
  exceedsFilterLimits,
  FILTER_LIMITS,
  FILTER_OPERATORS,
  FILTER_TARGET_KEYS,
  FILTER_TARGET_OPERATORS,
  FilterOperator,
  isFilterInstant,
  isWellFormedText,
  keySchema,
  selectOptionSchema,
  statusDefinitionSchema,
} from '@leadgate/contracts';
import { FilterError } from './filter-error';

// This mirrors `filterConditionSchema` (contracts) rule for rule, with paths and plain-language
// messages; check-shape.equivalence.spec.ts holds the two to the same verdicts.

type Node = Record<string, unknown>;
type LeafKind = keyof typeof FILTER_TARGET_OPERATORS;

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS: ReadonlySet<string> = new Set([...FILTER_TARGET_KEYS, 'op', 'value']);

function isPlainRecord(value: unknown): value is Node {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isScalar(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= FILTER_LIMITS.maxStringLength && isWellFormedText(value);
  return typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function unknownKeyMessage(key: string): string {
  if (key.startsWith('$')) return 'is not allowed: query operators are never accepted, values are data';
  if (key.includes('.')) return 'is not allowed: keys never contain "."';
  return `is not allowed (a condition has ${FILTER_TARGET_KEYS.join('/')}, op and value)`;
}

function valueShapeMessage(value: unknown): string | null {
  const items = Array.isArray(value) ? value : [value];
  if (items.some((item) => item === null)) return 'must not be null (use op "empty" to test for a missing value)';
  if (items.some((item) => typeof item === 'object')) {
    return 'must be plain data: a string, number or boolean, or a list of them; never an object';
  }
  if (!items.every(isScalar)) {
    return `must be strings (at most ${FILTER_LIMITS.maxStringLength} characters, well-formed Unicode, no U+0000), finite numbers or booleans`;
  }
  if (Array.isArray(value) && (value.length === 0 || value.length > FILTER_LIMITS.maxListValues)) {
    return `must list 1 to ${FILTER_LIMITS.maxListValues} values`;
  }
  return null;
}

function targetMessage(key: (typeof FILTER_TARGET_KEYS)[number], target: unknown): string | null {
  switch (key) {
    case 'select':
    case 'field':
      return keySchema.safeParse(target).success ? null : 'must be a lower_snake_case key';
    case 'status':
      return target === true || statusDefinitionSchema.shape.slug.safeParse(target).success
        ? null
        : 'must be a status slug, or true with the slugs in value';
    case 'created_at':
    case 'updated_at':
      return target === true ? null : 'must be true';
  }
}

function leafKind(node: Node): LeafKind | null {
  const named = FILTER_TARGET_KEYS.filter((key) => node[key] !== undefined);
  if (named.length !== 1) return null;
  if (named[0] === 'created_at' || named[0] === 'updated_at') return 'timestamp';
  if (named[0] === 'status') return node['status'] === true ? 'status' : 'statusSlug';
  return named[0];
}

function elementMessage(kind: Exclude<LeafKind, 'statusSlug'>, item: unknown): string | null {
  switch (kind) {
    case 'select':
      return selectOptionSchema.shape.value.safeParse(item).success ? null : 'must be a select option value';
    case 'status':
      return statusDefinitionSchema.shape.slug.safeParse(item).success ? null : 'must be a status slug';
    case 'timestamp':
      return typeof item === 'string' && isFilterInstant(item)
        ? null
        : 'must be an ISO instant with seconds and an offset, e.g. 2024-05-01T00:00:00Z';
    case 'field':
      return null; // typed against the field in check-references.ts
  }
}

/** Target/operator/value rules, once every key on its own is well formed. */
function checkLeafRules(node: Node, path: string, errors: FilterError[]): void {
  const kind = leafKind(node);
  if (!kind) {
    errors.push({ path, message: `must name exactly one of ${FILTER_TARGET_KEYS.join(', ')}` });
    return;
  }
  const op = node['op'] as FilterOperator;
  if (!(FILTER_TARGET_OPERATORS[kind] as readonly string[]).includes(op)) {
    const slugHint = kind === 'statusSlug' ? ' (a status named by slug takes eq or neq)' : '';
    errors.push({ path: `${path}.op`, message: `"${op}" is not allowed here${slugHint}` });
    return;
  }
  const value = node['value'];
  if (kind === 'statusSlug' || op === 'empty' || op === 'not_empty') {
    if (value !== undefined) errors.push({ path: `${path}.value`, message: 'must be absent for this operator' });
    return;
  }
  const wantsList = op === 'in' || op === 'nin';
  if (value === undefined || Array.isArray(value) !== wantsList) {
    errors.push({ path: `${path}.value`, message: wantsList ? 'must be a list of values' : 'must be a single value' });
    return;
  }
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  items.forEach((item, index) => {
    const message = elementMessage(kind, item);
    if (message) errors.push({ path: Array.isArray(value) ? `${path}.value.${index}` : `${path}.value`, message });
  });
}

function checkLeaf(node: Node, path: string, errors: FilterError[]): void {
  const before = errors.length;
  for (const key of Object.keys(node)) {
    if (!LEAF_KEYS.has(key)) errors.push({ path: `${path}.${key}`, message: unknownKeyMessage(key) });
  }
  if (!(FILTER_OPERATORS as readonly unknown[]).includes(node['op'])) {
    errors.push({ path: `${path}.op`, message: `must be one of ${FILTER_OPERATORS.join(', ')}` });
  }
  for (const key of FILTER_TARGET_KEYS) {
    const message = node[key] === undefined ? null : targetMessage(key, node[key]);
    if (message) errors.push({ path: `${path}.${key}`, message });
  }
  const valueMessage = node['value'] === undefined ? null : valueShapeMessage(node['value']);
  if (valueMessage) errors.push({ path: `${path}.value`, message: valueMessage });
  if (errors.length === before) checkLeafRules(node, path, errors);
}

function checkNode(node: unknown, path: string, errors: FilterError[]): void {
  if (!isPlainRecord(node)) {
    errors.push({ path, message: 'must be an object: a group (all, any, not) or a condition' });
    return;
  }
  if (!GROUP_KEYS.some((key) => Object.hasOwn(node, key))) {
    checkLeaf(node, path, errors);
    return;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    errors.push({ path, message: 'a group holds exactly one of all, any, not, and nothing else' });
    return;
  }
  const key = keys[0];
  const inner = node[key];
  if (key === 'not') {
    checkNode(inner, `${path}.not`, errors);
    return;
  }
  if (!Array.isArray(inner) || inner.length === 0) {
    errors.push({ path: `${path}.${key}`, message: 'must be a non-empty list of conditions' });
    return;
  }
  inner.forEach((member, index) => checkNode(member, `${path}.${key}.${index}`, errors));
}

/**
 * Shape problems of a candidate condition, without the campaign schema; none means it parses as a
 * `FilterCondition`. Limits first, so a hostile document is refused before it is walked.
 */
export function checkConditionShape(input: unknown, path = 'condition'): FilterError[] {
  if (exceedsFilterLimits(input)) {
    const { maxDepth, maxLeaves } = FILTER_LIMITS;
    return [{ path, message: `must nest at most ${maxDepth} levels and hold at most ${maxLeaves} conditions` }];
  }
  const errors: FilterError[] = [];
  checkNode(input, path, errors);
  return errors;
}
