import { FIELD_TYPES, FilterOperator } from '@leadgate/contracts';

export type FieldType = (typeof FIELD_TYPES)[number];

/** What a leaf can test: a field of some type, a select, the status, or one of the two timestamps. */
export type TargetType = FieldType | 'select' | 'status' | 'timestamp';

const EQUALITY = ['eq', 'neq'] as const;
const MEMBERSHIP = ['in', 'nin'] as const;
const PRESENCE = ['empty', 'not_empty'] as const;
const ORDER = ['gt', 'gte', 'lt', 'lte'] as const;
const TEXT = [...EQUALITY, ...MEMBERSHIP, ...PRESENCE, 'contains'] as const;

/**
 * The operators each type takes. Order only where it means something to a person (numbers, days,
 * instants): text order would be UTF-8 byte order, which surprises more than it helps. `contains`
 * only on text. Timestamps are always set, so they take no presence tests; booleans take no lists.
 */
export const OPERATORS_BY_TYPE: Readonly<Record<TargetType, readonly FilterOperator[]>> = {
  text: TEXT,
  email: TEXT,
  phone: TEXT,
  url: TEXT,
  textarea: TEXT,
  number: [...EQUALITY, ...MEMBERSHIP, ...PRESENCE, ...ORDER],
  date: [...EQUALITY, ...MEMBERSHIP, ...PRESENCE, ...ORDER],
  boolean: [...EQUALITY, ...PRESENCE],
  select: [...EQUALITY, ...MEMBERSHIP, ...PRESENCE],
  status: [...EQUALITY, ...MEMBERSHIP, ...PRESENCE],
  timestamp: [...EQUALITY, ...ORDER],
};

export function allowsOperator(type: TargetType, op: FilterOperator): boolean {
  return OPERATORS_BY_TYPE[type].includes(op);
}
