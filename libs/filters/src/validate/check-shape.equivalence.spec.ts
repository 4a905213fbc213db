import { filterConditionSchema } from '@leadgate/contracts';
import fc from 'fast-check';
import { checkConditionShape } from './check-shape';

// The hand-written shape check (paths, messages) and the contract's zod schema must give the same
// verdict on every input, so what the API accepts is exactly what the contract describes.

const oddValue = fc.constantFrom<unknown>(
  '',
  'a.b',
  '$ne',
  'Won',
  '\uD800',
  'x'.repeat(1001),
  '2024-02-30T00:00:00Z',
  '2024-05-01',
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  { $ne: null },
  [],
);
const scalar = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>('SELECT_PARTNER', 'new', '2024-05-01T00:00:00Z', 'x', 0, -1.5, true),
  },
  { weight: 1, arbitrary: oddValue },
);
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
);
const target = fc.oneof(
  { weight: 3, arbitrary: fc.record({ select: fc.constantFrom<unknown>('select_partner', 'select_partner', 'Bad') }) },
  { weight: 3, arbitrary: fc.record({ field: fc.constantFrom<unknown>('name', 'name', 'a.b', '$where') }) },
  { weight: 3, arbitrary: fc.record({ status: fc.constantFrom<unknown>('new', true, true, 'Won', false) }) },
  { weight: 2, arbitrary: fc.record({ created_at: fc.constantFrom<unknown>(true, true, 'yes') }) },
  { weight: 1, arbitrary: fc.record({ updated_at: fc.constant(true) }) },
  { weight: 1, arbitrary: fc.constantFrom<object>({}, { field: 'name', select: 'select_partner' }) },
);
const op = fc.constantFrom<unknown>('eq', 'neq', 'in', 'nin', 'empty', 'not_empty', 'contains', 'gt', 'lte', 'like');
const extra = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constantFrom<object>({ $where: '1' }, { 'a.b': 1 }, { extra: undefined }) },
);

const goodScalar = fc.constantFrom<unknown>('x', '', 'SELECT_PARTNER', 0, -1.5, 1e308, true, '😀');
const goodLeaf = fc.oneof(
  fc.record({ select: fc.constant('select_partner'), op: fc.constantFrom('eq', 'neq'), value: fc.constant('A_B') }),
  fc.record({
    select: fc.constant('s'),
    op: fc.constantFrom('in', 'nin'),
    value: fc.array(fc.constant('A'), { minLength: 1 }),
  }),
  fc.record({ field: fc.constant('name'), op: fc.constantFrom('eq', 'contains', 'gt', 'lte'), value: goodScalar }),
  fc.record({
    field: fc.constant('name'),
    op: fc.constantFrom('in', 'nin'),
    value: fc.array(goodScalar, { minLength: 1 }),
  }),
  fc.record({ field: fc.constant('name'), op: fc.constantFrom('empty', 'not_empty') }),
  fc.record({ status: fc.constantFrom('new', 'in-progress'), op: fc.constantFrom('eq', 'neq') }),
  fc.record({ status: fc.constant(true), op: fc.constantFrom('empty', 'not_empty') }),
  fc.record({ status: fc.constant(true), op: fc.constantFrom('in', 'nin'), value: fc.constant(['new']) }),
  fc.record({
    updated_at: fc.constant(true),
    op: fc.constantFrom('eq', 'gte'),
    value: fc.constant('2024-05-01T00:00:00Z'),
  }),
);

const randomLeaf = fc
  .tuple(target, fc.option(op, { nil: undefined, freq: 10 }), value, extra)
  .map(([named, operator, operand, more]) => ({
    ...named,
    ...(operator === undefined ? {} : { op: operator }),
    ...(operand === undefined ? {} : { value: operand }),
    ...more,
  }));
const leaf = fc.oneof({ weight: 3, arbitrary: goodLeaf }, { weight: 2, arbitrary: randomLeaf });

const candidate = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leaf, weight: 6 },
    oddValue,
    fc.record({ all: fc.array(tie('node'), { maxLength: 2 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 2 }) }),
    fc.record({ not: tie('node') }),
    fc.record({ all: fc.array(tie('node'), { maxLength: 1 }), op }),
  ),
})).node;

describe('checkConditionShape and filterConditionSchema', () => {
  it('agree on every candidate, and the candidates reach both verdicts', () => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(candidate, (input) => {
        const accepted = checkConditionShape(input).length === 0;
        expect(accepted).toBe(filterConditionSchema.safeParse(input).success);
        verdicts[accepted ? 'accepted' : 'refused'] += 1;
      }),
      { numRuns: 3000 },
    );
    expect(verdicts.accepted).toBeGreaterThan(500);
    expect(verdicts.refused).toBeGreaterThan(500);
  });

  it('agree on well-formed leaves of every kind (not only on refusals)', () => {
    const accepted = [
      { select: 'select_partner', op: 'in', value: ['A', 'B_2'] },
      { status: 'won', op: 'neq' },
      { status: true, op: 'not_empty' },
      { field: 'budget', op: 'gte', value: -0 },
      { created_at: true, op: 'lt', value: '2024-05-01T00:00:00.000+14:00' },
      { not: { any: [{ field: 'a', op: 'contains', value: 'x' }] } },
    ];
    for (const input of accepted) {
      expect(checkConditionShape(input)).toEqual([]);
      expect(filterConditionSchema.safeParse(input).success).toBe(true);
    }
  });
});
