import { checkConditionShape } from './check-shape';

function nest(depth: number): unknown {
  let node: unknown = { field: 'name', op: 'empty' };
  for (let level = 1; level < depth; level += 1) node = { not: node };
  return node;
}

describe('checkConditionShape', () => {
  it('accepts the example of API.md §6', () => {
    const example = {
      all: [
        { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
        {
          any: [
            { status: 'new', op: 'eq' },
            { field: 'postcode', op: 'in', value: ['8000', '8200'] },
          ],
        },
      ],
    };
    expect(checkConditionShape(example)).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a list', [{ field: 'name', op: 'empty' }]],
    ['a string', 'name = x'],
    ['a Date', new Date()],
  ])('refuses %s as a node', (_label, node) => {
    expect(checkConditionShape(node)).toEqual([{ path: 'condition', message: expect.stringMatching(/object/) }]);
  });

  describe('operator injection', () => {
    it('refuses an object as a value: {"$ne": null}', () => {
      const errors = checkConditionShape({ field: 'name', op: 'eq', value: { $ne: null } });
      expect(errors).toEqual([{ path: 'condition.value', message: expect.stringMatching(/never an object/) }]);
    });

    it('refuses an object inside a value list', () => {
      const errors = checkConditionShape({ field: 'name', op: 'in', value: ['a', { $gt: '' }] });
      expect(errors).toEqual([{ path: 'condition.value', message: expect.stringMatching(/never an object/) }]);
    });

    it('refuses a $where key beside a leaf, and in a group', () => {
      expect(checkConditionShape({ field: 'name', op: 'empty', $where: 'sleep(100)' })).toEqual([
        { path: 'condition.$where', message: expect.stringMatching(/operators are never accepted/) },
      ]);
      expect(checkConditionShape({ all: [{ field: 'name', op: 'empty' }], $where: '1' })).toEqual([
        { path: 'condition', message: expect.stringMatching(/exactly one of all, any, not/) },
      ]);
    });

    it('refuses a Mongo operator as a group', () => {
      expect(checkConditionShape({ $or: [{ field: 'name', op: 'empty' }] })).toEqual([
        { path: 'condition.$or', message: expect.stringMatching(/operators are never accepted/) },
        { path: 'condition.op', message: expect.stringMatching(/must be one of/) },
      ]);
    });

    it('refuses dotted keys, as keys and as names', () => {
      expect(checkConditionShape({ 'fields.name': 'x', op: 'eq', value: 'x' })[0]).toEqual({
        path: 'condition.fields.name',
        message: expect.stringMatching(/never contain "."/),
      });
      expect(checkConditionShape({ field: 'name.first', op: 'eq', value: 'x' })).toEqual([
        { path: 'condition.field', message: 'must be a lower_snake_case key' },
      ]);
      expect(checkConditionShape({ select: '$where', op: 'empty' })).toEqual([
        { path: 'condition.select', message: 'must be a lower_snake_case key' },
      ]);
    });

    it('refuses a prototype key', () => {
      const parsed: unknown = JSON.parse('{"field":"name","op":"empty","__proto__":{"op":"eq"}}');
      expect(checkConditionShape(parsed)).toEqual([{ path: 'condition.__proto__', message: expect.any(String) }]);
    });
  });

  describe('values', () => {
    it('refuses null, with a hint to use empty', () => {
      expect(checkConditionShape({ field: 'name', op: 'eq', value: null })).toEqual([
        { path: 'condition.value', message: expect.stringMatching(/use op "empty"/) },
      ]);
    });

    it('refuses non-finite numbers, lone surrogates, NUL and over-long text', () => {
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '\uD800x', 'a\u0000b', 'x'.repeat(1001)]) {
        expect(checkConditionShape({ field: 'name', op: 'eq', value })).toHaveLength(1);
      }
      expect(checkConditionShape({ field: 'name', op: 'eq', value: 'x'.repeat(1000) })).toEqual([]);
      expect(checkConditionShape({ field: 'name', op: 'eq', value: '😀' })).toEqual([]);
    });

    it('wants a list for in/nin, of 1 to 100 values', () => {
      expect(checkConditionShape({ field: 'name', op: 'in', value: 'x' })).toEqual([
        { path: 'condition.value', message: 'must be a list of values' },
      ]);
      expect(checkConditionShape({ field: 'name', op: 'nin', value: [] })[0].message).toMatch(/1 to 100/);
      expect(checkConditionShape({ field: 'name', op: 'in', value: Array(101).fill('x') })).toHaveLength(1);
      expect(checkConditionShape({ field: 'name', op: 'in', value: Array(100).fill('x') })).toEqual([]);
    });

    it('wants one value for the other operators, and none for empty/not_empty', () => {
      expect(checkConditionShape({ field: 'name', op: 'eq', value: ['x'] })[0].message).toBe('must be a single value');
      expect(checkConditionShape({ field: 'name', op: 'gt' })[0].message).toBe('must be a single value');
      expect(checkConditionShape({ field: 'name', op: 'empty', value: 'x' })[0].message).toMatch(/absent/);
    });

    it('checks select and status values as option values and slugs, per element', () => {
      expect(checkConditionShape({ select: 'src', op: 'in', value: ['OK', 'not upper'] })).toEqual([
        { path: 'condition.value.1', message: 'must be a select option value' },
      ]);
      expect(checkConditionShape({ status: true, op: 'eq', value: 'Won' })).toEqual([
        { path: 'condition.value', message: 'must be a status slug' },
      ]);
    });

    it('checks instants: seconds, an offset, a real day, at most milliseconds', () => {
      const at = (value: unknown) => checkConditionShape({ created_at: true, op: 'gt', value });
      expect(at('2024-05-01T00:00:00Z')).toEqual([]);
      expect(at('2024-05-01T00:00:00.123+02:00')).toEqual([]);
      for (const bad of ['2024-05-01', '2024-05-01T00:00Z', '2024-05-01T00:00:00', '2024-02-30T00:00:00Z']) {
        expect(at(bad)).toHaveLength(1);
      }
      expect(at('2024-05-01T00:00:00.1234Z')).toHaveLength(1);
      expect(at('0000-01-01T00:00:00+01:00')).toHaveLength(1); // before year 0 in UTC
      expect(at(1714521600000)).toHaveLength(1);
    });
  });

  describe('targets and operators', () => {
    it('wants exactly one target', () => {
      expect(checkConditionShape({ op: 'empty' })[0].message).toMatch(/exactly one of/);
      expect(checkConditionShape({ field: 'a', select: 'b', op: 'empty' })[0].message).toMatch(/exactly one of/);
    });

    it('knows the operators', () => {
      expect(checkConditionShape({ field: 'a', op: 'like', value: 'x' })).toEqual([
        { path: 'condition.op', message: expect.stringMatching(/must be one of eq, neq/) },
      ]);
      expect(checkConditionShape({ field: 'a', value: 'x' })[0].path).toBe('condition.op');
    });

    it('takes a status slug with eq/neq and no value; other operators with status: true', () => {
      expect(checkConditionShape({ status: 'won', op: 'eq' })).toEqual([]);
      expect(checkConditionShape({ status: 'won', op: 'neq' })).toEqual([]);
      expect(checkConditionShape({ status: 'won', op: 'eq', value: 'won' })[0].message).toMatch(/absent/);
      expect(checkConditionShape({ status: 'won', op: 'in' })[0].message).toMatch(/takes eq or neq/);
      expect(checkConditionShape({ status: true, op: 'in', value: ['won', 'lost'] })).toEqual([]);
      expect(checkConditionShape({ status: true, op: 'gt', value: 'won' })[0].path).toBe('condition.op');
      expect(checkConditionShape({ status: false, op: 'empty' })[0].path).toBe('condition.status');
    });

    it('allows only comparisons on timestamps', () => {
      expect(checkConditionShape({ updated_at: true, op: 'empty' })[0].path).toBe('condition.op');
      expect(checkConditionShape({ updated_at: true, op: 'contains', value: '2024' })[0].path).toBe('condition.op');
      expect(checkConditionShape({ updated_at: 'yes', op: 'gt', value: '2024-01-01T00:00:00Z' })[0].path).toBe(
        'condition.updated_at',
      );
    });
  });

  describe('groups', () => {
    it('wants non-empty lists in all/any', () => {
      expect(checkConditionShape({ all: [] })).toEqual([
        { path: 'condition.all', message: 'must be a non-empty list of conditions' },
      ]);
      expect(checkConditionShape({ any: { field: 'a', op: 'empty' } })[0].path).toBe('condition.any');
    });

    it('names the path of a problem deep inside', () => {
      const errors = checkConditionShape({
        all: [{ field: 'a', op: 'empty' }, { any: [{ not: { field: 'a', op: 'eq', value: { $gt: 1 } } }] }],
      });
      expect(errors).toEqual([{ path: 'condition.all.1.any.0.not.value', message: expect.any(String) }]);
    });
  });

  describe('limits', () => {
    it('allows 8 levels, refuses 9, and a hostile depth without recursing into it', () => {
      expect(checkConditionShape(nest(8))).toEqual([]);
      expect(checkConditionShape(nest(9))).toEqual([{ path: 'condition', message: expect.stringMatching(/8 levels/) }]);
      expect(checkConditionShape(nest(100_000))).toHaveLength(1);
    });

    it('allows 200 leaves, refuses 201', () => {
      const leaves = (count: number) => Array.from({ length: count }, () => ({ field: 'a', op: 'empty' }));
      expect(checkConditionShape({ all: leaves(200) })).toEqual([]);
      expect(checkConditionShape({ all: [{ any: leaves(150) }, { any: leaves(51) }] })[0].message).toMatch(/200/);
    });
  });
});
