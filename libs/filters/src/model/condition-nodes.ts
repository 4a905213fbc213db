import { FilterCondition, FilterLeaf } from '@leadgate/contracts';

export function isLeaf(node: FilterCondition): node is FilterLeaf {
  return 'op' in node;
}

/** Every leaf of a condition, in document order, under any group. */
export function leavesOf(node: FilterCondition): FilterLeaf[] {
  if ('all' in node) return node.all.flatMap(leavesOf);
  if ('any' in node) return node.any.flatMap(leavesOf);
  if ('not' in node) return leavesOf(node.not);
  return [node];
}
