import { FilterScalar } from '@leadgate/contracts';
import { ResolvedLeaf, targetPath } from '@leadgate/filters/model/leaf-target';
import { containsPattern } from './contains-pattern';

// "Empty" is absent, null or '': `$in: [null, '']` matches all three (null matches a missing path).
const EMPTY_VALUES: (FilterScalar | null)[] = [null, ''];

function operatorFor(leaf: ResolvedLeaf): Record<string, unknown> {
  const [first] = leaf.values;
  switch (leaf.op) {
    case 'eq':
      return { $eq: first };
    case 'neq':
      return { $ne: first };
    case 'in':
      return { $in: [...leaf.values] };
    case 'nin':
      return { $nin: [...leaf.values] };
    case 'empty':
      return { $in: [...EMPTY_VALUES] };
    case 'not_empty':
      return { $nin: [...EMPTY_VALUES] };
    case 'contains':
      return { $regex: containsPattern(String(first)) };
    case 'gt':
      return { $gt: first };
    case 'gte':
      return { $gte: first };
    case 'lt':
      return { $lt: first };
    case 'lte':
      return { $lte: first };
  }
}

/** One leaf as `{ path: { $op: value } }`: every value sits under an operator, so it is only ever data. */
export function compileLeaf(leaf: ResolvedLeaf): Record<string, unknown> {
  return { [targetPath(leaf.target)]: operatorFor(leaf) };
}
