import { FILTER_TARGET_KEYS, FilterCondition, FilterLeaf, FilterValue } from '@leadgate/contracts';

/** One spelling per instant: stored timestamps are `toISOString()` text, compared as text. */
export function normalizeInstant(value: string): string {
  return new Date(value).toISOString();
}

function normalizeLeaf(leaf: FilterLeaf): FilterLeaf {
  const copy: FilterLeaf = { op: leaf.op };
  for (const key of FILTER_TARGET_KEYS) if (leaf[key] !== undefined) Object.assign(copy, { [key]: leaf[key] });
  const isInstant = leaf.created_at !== undefined || leaf.updated_at !== undefined;
  const value: FilterValue | undefined = Array.isArray(leaf.value) ? [...leaf.value] : leaf.value;
  if (value !== undefined) copy.value = isInstant && typeof value === 'string' ? normalizeInstant(value) : value;
  return copy;
}

/**
 * A fresh copy of a well-shaped condition with only the keys the language knows, and instants in
 * the stored spelling, so nothing the caller holds can change what was validated.
 */
export function normalizeCondition(node: FilterCondition): FilterCondition {
  if ('all' in node) return { all: node.all.map(normalizeCondition) };
  if ('any' in node) return { any: node.any.map(normalizeCondition) };
  if ('not' in node) return { not: normalizeCondition(node.not) };
  return normalizeLeaf(node);
}
