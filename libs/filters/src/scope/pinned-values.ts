import { FilterCondition, FilterLeaf } from '@leadgate/contracts';
import { resolveLeaf } from '@leadgate/filters/model/leaf-target';
import { topLevelConjuncts } from './top-level-conjuncts';

export interface PinnedValues {
  select_field_values: Record<string, string>;
  status: string | null;
}

/** The one value a binding leaf allows: eq, or in with a single value (the same thing). */
function pinnedValueOf(leaf: FilterLeaf): string | null {
  const { op, values } = resolveLeaf(leaf);
  const single = op === 'eq' || (op === 'in' && values.length === 1);
  return single && typeof values[0] === 'string' ? values[0] : null;
}

/**
 * What a create through a filtered token fills in when the body leaves it out (API.md §3): the
 * equalities on selects and the status among the top-level conjuncts. When two pins contradict,
 * the first wins; the lead then falls outside the filter and is refused as out_of_scope anyway.
 */
export function pinnedValues(condition: FilterCondition): PinnedValues {
  const selects = new Map<string, string>();
  let status: string | null = null;
  for (const leaf of topLevelConjuncts(condition)) {
    const value = pinnedValueOf(leaf);
    if (value === null) continue;
    if (leaf.select !== undefined && !selects.has(leaf.select)) selects.set(leaf.select, value);
    if (leaf.status !== undefined) status ??= value;
  }
  return { select_field_values: Object.fromEntries(selects), status };
}
