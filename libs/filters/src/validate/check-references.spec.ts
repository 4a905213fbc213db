import { FilterCondition } from '@leadgate/contracts';
import { CAMPAIGN } from '@leadgate/filters/testing/campaign-fixture';
import { checkReferences } from './check-references';

const check = (condition: FilterCondition) => checkReferences(condition, CAMPAIGN);

describe('checkReferences', () => {
  it('accepts names the campaign has', () => {
    expect(
      check({
        all: [
          { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
          {
            any: [
              { status: 'new', op: 'eq' },
              { field: 'postcode', op: 'in', value: ['8000', '8200'] },
            ],
          },
        ],
      }),
    ).toEqual([]);
  });

  describe('selects', () => {
    it('refuses an unknown select', () => {
      expect(check({ any: [{ select: 'select_gone', op: 'empty' }] })).toEqual([
        { path: 'condition.any.0.select', message: expect.stringMatching(/select "select_gone"/) },
      ]);
    });

    it('refuses a value that is not one of the options, naming its index', () => {
      expect(check({ all: [{ select: 'select_partner', op: 'in', value: ['VENDOR_NORTH', 'NORTH'] }] })).toEqual([
        { path: 'condition.all.0.value.1', message: '"NORTH" is not an option of select "select_partner"' },
      ]);
      expect(check({ all: [{ select: 'select_partner', op: 'eq', value: 'NORTH' }] })).toEqual([
        { path: 'condition.all.0.value', message: expect.any(String) },
      ]);
    });

    it('accepts every select operator with options', () => {
      for (const op of ['eq', 'neq'] as const)
        expect(check({ select: 'select_region', op, value: 'NORTH' })).toEqual([]);
      for (const op of ['in', 'nin'] as const) {
        expect(check({ select: 'select_region', op, value: ['NORTH'] })).toEqual([]);
      }
      for (const op of ['empty', 'not_empty'] as const) expect(check({ select: 'select_region', op })).toEqual([]);
    });
  });

  describe('statuses', () => {
    it('refuses an unknown slug in both forms', () => {
      expect(check({ status: 'archived', op: 'eq' })).toEqual([
        { path: 'condition.status', message: '"archived" is not a status of this campaign' },
      ]);
      expect(check({ status: true, op: 'nin', value: ['won', 'archived'] })).toEqual([
        { path: 'condition.value.1', message: '"archived" is not a status of this campaign' },
      ]);
    });

    it('accepts known slugs and presence tests', () => {
      expect(check({ status: true, op: 'in', value: ['won', 'lost'] })).toEqual([]);
      expect(check({ status: 'lost', op: 'neq' })).toEqual([]);
      expect(check({ status: true, op: 'not_empty' })).toEqual([]);
    });
  });

  describe('fields', () => {
    it('refuses an unknown field', () => {
      expect(check({ not: { field: 'age', op: 'gt', value: 3 } })).toEqual([
        { path: 'condition.not.field', message: expect.stringMatching(/field "age"/) },
      ]);
    });

    it.each([
      ['name', 'gt', 'a'],
      ['rooms', 'contains', '1'],
      ['consent', 'in', [true]],
      ['consent', 'lt', true],
      ['visit_on', 'contains', '2024'],
    ] as const)('refuses %s %s: the operator does not fit the type', (field, op, value) => {
      expect(check({ field, op, value } as FilterCondition)).toEqual([
        { path: 'condition.op', message: expect.stringMatching(/does not apply to a \w+ field/) },
      ]);
    });

    it.each([
      ['rooms', 'eq', '100'],
      ['rooms', 'gt', true],
      ['name', 'eq', 1],
      ['email', 'contains', false],
      ['consent', 'eq', 'true'],
      ['visit_on', 'gte', '2024-02-30'],
      ['visit_on', 'eq', '2024-05-01T00:00:00Z'],
    ] as const)('refuses %s %s %j: wrong value type', (field, op, value) => {
      expect(check({ field, op, value })).toEqual([{ path: 'condition.value', message: expect.any(String) }]);
    });

    it('checks each element of a list', () => {
      expect(check({ field: 'rooms', op: 'in', value: [1, '2', 3] })).toEqual([
        { path: 'condition.value.1', message: 'must be a number for a number field' },
      ]);
    });

    it('refuses an empty contains', () => {
      expect(check({ field: 'email', op: 'contains', value: '' })).toEqual([
        { path: 'condition.value', message: 'must not be empty' },
      ]);
    });

    it('accepts each type with its own operators', () => {
      const accepted: FilterCondition[] = [
        { field: 'name', op: 'contains', value: 'jane' },
        { field: 'email', op: 'nin', value: ['a@b.c'] },
        { field: 'phone', op: 'eq', value: '+4512345678' },
        { field: 'website', op: 'not_empty' },
        { field: 'notes', op: 'neq', value: '' },
        { field: 'rooms', op: 'lte', value: 1e6 },
        { field: 'rooms', op: 'in', value: [0, -1.5] },
        { field: 'visit_on', op: 'gt', value: '2024-05-01' },
        { field: 'visit_on', op: 'in', value: ['2024-05-01'] },
        { field: 'consent', op: 'eq', value: false },
        { field: 'consent', op: 'empty' },
        { field: 'constructor', op: 'eq', value: 'x' },
      ];
      for (const condition of accepted) expect(check(condition)).toEqual([]);
    });
  });

  it('does not look at timestamps further (shape checks them)', () => {
    expect(check({ created_at: true, op: 'gt', value: '2024-05-01T00:00:00Z' })).toEqual([]);
  });

  it('reports every problem, not only the first', () => {
    expect(
      check({
        any: [
          { field: 'nope', op: 'empty' },
          { select: 'nope', op: 'empty' },
          { status: 'nope', op: 'eq' },
        ],
      }),
    ).toHaveLength(3);
  });
});
