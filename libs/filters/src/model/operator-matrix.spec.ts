import { FIELD_TYPES, FILTER_OPERATORS, FILTER_TARGET_OPERATORS } from '@leadgate/contracts';
import { allowsOperator, OPERATORS_BY_TYPE, TargetType } from './operator-matrix';

describe('operator matrix', () => {
  it('covers every field type, and only known operators', () => {
    for (const type of FIELD_TYPES) expect(OPERATORS_BY_TYPE[type].length).toBeGreaterThan(0);
    for (const ops of Object.values(OPERATORS_BY_TYPE)) {
      for (const op of ops) expect(FILTER_OPERATORS).toContain(op);
    }
  });

  it.each([
    ['text', 'contains', true],
    ['email', 'contains', true],
    ['number', 'contains', false],
    ['number', 'gt', true],
    ['date', 'lte', true],
    ['text', 'gt', false],
    ['boolean', 'in', false],
    ['boolean', 'eq', true],
    ['boolean', 'empty', true],
    ['select', 'in', true],
    ['select', 'gt', false],
    ['status', 'nin', true],
    ['status', 'contains', false],
    ['timestamp', 'gte', true],
    ['timestamp', 'empty', false],
    ['timestamp', 'in', false],
  ] as const)('%s %s -> %s', (type: TargetType, op, expected) => {
    expect(allowsOperator(type, op)).toBe(expected);
  });

  it('keeps the contract and the matrix in step: the contract allows nothing the matrix never does', () => {
    expect([...FILTER_TARGET_OPERATORS.select].sort()).toEqual([...OPERATORS_BY_TYPE.select].sort());
    expect([...FILTER_TARGET_OPERATORS.status].sort()).toEqual([...OPERATORS_BY_TYPE.status].sort());
    expect([...FILTER_TARGET_OPERATORS.timestamp].sort()).toEqual([...OPERATORS_BY_TYPE.timestamp].sort());
  });
});
