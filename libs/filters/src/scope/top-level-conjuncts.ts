import { FilterCondition, FilterLeaf } from '@leadgate/contracts';
import { isLeaf } from '@leadgate/filters/model/condition-nodes';

/**
 * The leaves every matching lead must satisfy on their own: the root leaf, or the leaves of the top
 * `all` group, including those of `all` groups nested directly in it (still a plain conjunction).
 * Leaves under `any` or `not` are never here: they do not bind a lead by themselves.
 */
export function topLevelConjuncts(condition: FilterCondition): FilterLeaf[] {
  if (isLeaf(condition)) return [condition];
  if ('all' in condition) return condition.all.flatMap(topLevelConjuncts);
  return [];
}
