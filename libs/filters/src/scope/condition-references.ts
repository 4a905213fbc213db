import { FilterCondition } from '@leadgate/contracts';
import { leavesOf } from '@leadgate/filters/model/condition-nodes';
import { resolveLeaf } from '@leadgate/filters/model/leaf-target';

export interface ConditionReferences {
  /** Select key -> the option values named with it (empty when only its presence is tested). */
  selects: Record<string, string[]>;
  statuses: string[];
  fields: string[];
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * Every select (with option values), status and field a condition names, anywhere in the tree,
 * so the campaigns service can refuse to remove one that a filter still uses (409 naming the filter).
 */
export function conditionReferences(condition: FilterCondition): ConditionReferences {
  const selects = new Map<string, string[]>();
  const statuses: string[] = [];
  const fields: string[] = [];
  for (const leaf of leavesOf(condition)) {
    const values = resolveLeaf(leaf).values.map(String);
    if (leaf.select !== undefined) selects.set(leaf.select, [...(selects.get(leaf.select) ?? []), ...values]);
    if (leaf.status !== undefined) statuses.push(...values);
    if (leaf.field !== undefined) fields.push(leaf.field);
  }
  return {
    selects: Object.fromEntries(
      [...selects].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortedUnique(v)]),
    ),
    statuses: sortedUnique(statuses),
    fields: sortedUnique(fields),
  };
}

/** Whether removing option `value` of select `key` (or the whole select, without a value) would break the condition. */
export function referencesSelect(references: ConditionReferences, key: string, value?: string): boolean {
  const values = Object.hasOwn(references.selects, key) ? references.selects[key] : undefined;
  return values !== undefined && (value === undefined || values.includes(value));
}
