import { FilterLeaf, FilterOperator, FilterScalar } from '@leadgate/contracts';

export type LeafTarget =
  | { kind: 'select'; key: string }
  | { kind: 'field'; key: string }
  | { kind: 'status' }
  | { kind: 'created_at' }
  | { kind: 'updated_at' };

/** A leaf reduced to what both backends need: where to look, the operator and the operands as a list. */
export interface ResolvedLeaf {
  target: LeafTarget;
  op: FilterOperator;
  /** Empty for empty/not_empty; one element for single-value operators. */
  values: FilterScalar[];
}

function targetOf(leaf: FilterLeaf): LeafTarget {
  if (leaf.select !== undefined) return { kind: 'select', key: leaf.select };
  if (leaf.field !== undefined) return { kind: 'field', key: leaf.field };
  if (leaf.status !== undefined) return { kind: 'status' };
  if (leaf.created_at !== undefined) return { kind: 'created_at' };
  if (leaf.updated_at !== undefined) return { kind: 'updated_at' };
  throw new Error('filter leaf names no target');
}

/** `{ status: 'won', op: 'eq' }` and `{ status: true, op: 'eq', value: 'won' }` resolve to the same thing. */
export function resolveLeaf(leaf: FilterLeaf): ResolvedLeaf {
  const target = targetOf(leaf);
  const slug = typeof leaf.status === 'string' ? [leaf.status] : [];
  const values = leaf.value === undefined ? slug : Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  return { target, op: leaf.op, values };
}

/** Where the target lives in a stored lead, as a MongoDB dotted path. */
export function targetPath(target: LeafTarget): string {
  switch (target.kind) {
    case 'select':
      return `select_field_values.${target.key}`;
    case 'field':
      return `fields.${target.key}`;
    case 'status':
    case 'created_at':
    case 'updated_at':
      return target.kind;
  }
}
