import type { Operator, SubjectType } from './condition-draft';

const EQUALITY = ['eq', 'neq'] as const;
const MEMBERSHIP = ['in', 'nin'] as const;
const PRESENCE = ['empty', 'not_empty'] as const;
const ORDER = ['gt', 'gte', 'lt', 'lte'] as const;
const TEXT = [...EQUALITY, ...MEMBERSHIP, ...PRESENCE, 'contains'] as const;

/**
 * The operators each type takes: the services' matrix (libs/filters model/operator-matrix.ts), held
 * to it by the console's grammar test. Order only for numbers, days and instants; `contains` only
 * on text; timestamps are always set (no presence tests); booleans take no lists.
 */
export const OPERATORS_BY_TYPE: Readonly<Record<SubjectType, readonly Operator[]>> = {
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

export function operatorsFor(type: SubjectType): readonly Operator[] {
  return OPERATORS_BY_TYPE[type];
}

export function allowsOperator(type: SubjectType, op: Operator): boolean {
  return OPERATORS_BY_TYPE[type].includes(op);
}

/** How many values an operator takes: none (empty, not_empty), a list (in, nin) or one. */
export type Arity = 'none' | 'one' | 'list';

export function arityOf(op: Operator): Arity {
  if (op === 'empty' || op === 'not_empty') return 'none';
  if (op === 'in' || op === 'nin') return 'list';
  return 'one';
}

const IN_TIME = new Set<SubjectType>(['date', 'timestamp']);

/** The operator in words, for this type (days and instants are "before"/"after", numbers "less"/"greater"). */
export function operatorLabel(op: Operator, type: SubjectType): string {
  const inTime = IN_TIME.has(type);
  switch (op) {
    case 'eq':
      return type === 'date' ? 'is on' : type === 'timestamp' ? 'is at' : 'is';
    case 'neq':
      return type === 'date' ? 'is not on' : type === 'timestamp' ? 'is not at' : 'is not';
    case 'in':
      return 'is one of';
    case 'nin':
      return 'is none of';
    case 'empty':
      return 'is empty';
    case 'not_empty':
      return 'is not empty';
    case 'contains':
      return 'contains';
    case 'gt':
      return inTime ? 'is after' : 'is greater than';
    case 'gte':
      return inTime ? 'is on or after' : 'is at least';
    case 'lt':
      return inTime ? 'is before' : 'is less than';
    case 'lte':
      return inTime ? 'is on or before' : 'is at most';
  }
}

/** The value a leaf keeps when its operator changes: as many of the old values as the new operator takes. */
export function valuesForOperator(values: readonly string[], op: Operator): string[] {
  switch (arityOf(op)) {
    case 'none':
      return [];
    case 'one':
      return [values[0] ?? ''];
    case 'list':
      return values.filter((value) => value !== '');
  }
}
