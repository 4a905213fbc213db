import { describe, expect, it } from '@jest/globals';
import { allowsOperator, arityOf, operatorLabel, operatorsFor, valuesForOperator } from './operators';

describe('operators by type', () => {
  it.each([
    ['text', 'contains', true],
    ['email', 'in', true],
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
  ] as const)('%s %s -> %s', (type, op, expected) => {
    expect(allowsOperator(type, op)).toBe(expected);
  });

  it('offers "is" first for every type (what a new subject starts with)', () => {
    for (const type of ['text', 'number', 'date', 'boolean', 'select', 'status', 'timestamp'] as const) {
      expect(operatorsFor(type)[0]).toBe('eq');
    }
  });

  it('says operators in words that fit the type', () => {
    expect(operatorLabel('gt', 'number')).toBe('is greater than');
    expect(operatorLabel('gt', 'date')).toBe('is after');
    expect(operatorLabel('lte', 'timestamp')).toBe('is on or before');
    expect(operatorLabel('eq', 'select')).toBe('is');
    expect(operatorLabel('nin', 'status')).toBe('is none of');
  });

  it('keeps as much of the value as the new operator takes', () => {
    expect(arityOf('empty')).toBe('none');
    expect(arityOf('nin')).toBe('list');
    expect(arityOf('contains')).toBe('one');
    expect(valuesForOperator(['A', 'B'], 'eq')).toEqual(['A']);
    expect(valuesForOperator([], 'eq')).toEqual(['']);
    expect(valuesForOperator(['A'], 'in')).toEqual(['A']);
    expect(valuesForOperator([''], 'in')).toEqual([]);
    expect(valuesForOperator(['A'], 'not_empty')).toEqual([]);
  });
});
