import { FilterCondition, FilterLeaf } from '@leadgate/contracts';
import { FieldValue } from './model';

/** The root leaf, or the leaves of the root `all` (through directly nested `all`s): what every lead in scope satisfies. */
function topLevelLeaves(condition: FilterCondition): FilterLeaf[] {
  if ('all' in condition) return condition.all.flatMap(topLevelLeaves);
  if ('any' in condition || 'not' in condition) return [];
  return [condition];
}

/**
 * Field values a filter fixes with a top-level `eq` (or the first value of an `in`), so an example
 * request built from the schema also satisfies the filter. Selects and the status are covered by
 * `pinnedValues`/`narrowSchema` of `@leadgate/filters`; this adds the plain fields.
 */
export function fieldHints(condition: FilterCondition | null): Record<string, FieldValue> {
  const hints: Record<string, FieldValue> = {};
  for (const leaf of condition ? topLevelLeaves(condition) : []) {
    if (leaf.field === undefined || leaf.value === undefined || leaf.field in hints) continue;
    if (leaf.op === 'eq' && !Array.isArray(leaf.value)) hints[leaf.field] = leaf.value;
    if (leaf.op === 'in' && Array.isArray(leaf.value) && leaf.value.length > 0) hints[leaf.field] = leaf.value[0];
  }
  return hints;
}
