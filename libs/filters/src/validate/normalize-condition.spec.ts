import { FilterCondition } from '@leadgate/contracts';
import { normalizeCondition, normalizeInstant } from './normalize-condition';

describe('normalizeInstant', () => {
  it('spells every instant as UTC with milliseconds, like stored timestamps', () => {
    expect(normalizeInstant('2024-05-01T02:00:00+02:00')).toBe('2024-05-01T00:00:00.000Z');
    expect(normalizeInstant('2024-05-01T00:00:00.5Z')).toBe('2024-05-01T00:00:00.500Z');
  });
});

describe('normalizeCondition', () => {
  it('normalizes instants of created_at and updated_at leaves', () => {
    const condition: FilterCondition = {
      all: [
        { created_at: true, op: 'gte', value: '2024-05-01T02:00:00+02:00' },
        { not: { updated_at: true, op: 'lt', value: '2024-05-01T00:00:00Z' } },
      ],
    };
    expect(normalizeCondition(condition)).toEqual({
      all: [
        { created_at: true, op: 'gte', value: '2024-05-01T00:00:00.000Z' },
        { not: { updated_at: true, op: 'lt', value: '2024-05-01T00:00:00.000Z' } },
      ],
    });
  });

  it('leaves other values alone and copies lists, so the caller cannot change them later', () => {
    const list = ['A', 'B'];
    const normalized = normalizeCondition({ any: [{ select: 's', op: 'in', value: list }] });
    list.push('C');
    expect(normalized).toEqual({ any: [{ select: 's', op: 'in', value: ['A', 'B'] }] });
  });

  it('drops keys that the language does not know', () => {
    const sneaky = { field: 'a', op: 'eq', value: 'x', $where: 'sleep(1)' } as unknown as FilterCondition;
    expect(normalizeCondition(sneaky)).toEqual({ field: 'a', op: 'eq', value: 'x' });
  });

  it('keeps the status slug form', () => {
    expect(normalizeCondition({ status: 'won', op: 'neq' })).toEqual({ status: 'won', op: 'neq' });
  });
});
