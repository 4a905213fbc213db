import { FilterScalar } from '@leadgate/contracts';
import { ResolvedLeaf } from '@leadgate/filters/model/leaf-target';
import { asciiLower } from './ascii-lower';
import { bsonCompare, bsonEquals } from './bson-order';
import { readTarget, StoredLead } from './stored-lead';

export type LeadPredicate = (lead: StoredLead) => boolean;

/** Absent, null or '' (what `$in: [null, '']` matches). */
export function isEmptyValue(stored: unknown): boolean {
  return stored === undefined || stored === null || stored === '';
}

function ordered(operand: FilterScalar, accept: (order: number) => boolean): (stored: unknown) => boolean {
  return (stored) => {
    const order = bsonCompare(stored, operand);
    return order !== null && accept(order);
  };
}

function contains(needle: string): (stored: unknown) => boolean {
  const folded = asciiLower(needle);
  return (stored) => typeof stored === 'string' && asciiLower(stored).includes(folded);
}

function testFor(leaf: ResolvedLeaf): (stored: unknown) => boolean {
  const { values } = leaf;
  const [first] = values;
  const member = (stored: unknown) => values.some((operand) => bsonEquals(stored, operand));
  switch (leaf.op) {
    case 'eq':
      return (stored) => bsonEquals(stored, first);
    case 'neq':
      return (stored) => !bsonEquals(stored, first); // like $ne: also true where the value is missing
    case 'in':
      return member;
    case 'nin':
      return (stored) => !member(stored); // like $nin: also true where the value is missing
    case 'empty':
      return isEmptyValue;
    case 'not_empty':
      return (stored) => !isEmptyValue(stored);
    case 'contains':
      return contains(String(first));
    case 'gt':
      return ordered(first, (order) => order > 0);
    case 'gte':
      return ordered(first, (order) => order >= 0);
    case 'lt':
      return ordered(first, (order) => order < 0);
    case 'lte':
      return ordered(first, (order) => order <= 0);
  }
}

/** One leaf as an in-memory test with MongoDB's semantics for the operator compile-leaf.ts emits. */
export function leafPredicate(leaf: ResolvedLeaf): LeadPredicate {
  const test = testFor(leaf);
  return (lead) => test(readTarget(lead, leaf.target));
}
