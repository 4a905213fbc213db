import { compileLeaf } from './compile-leaf';

describe('compileLeaf', () => {
  const field = { kind: 'field', key: 'budget' } as const;

  it.each([
    ['eq', [5], { $eq: 5 }],
    ['neq', [5], { $ne: 5 }],
    ['in', [1, 2], { $in: [1, 2] }],
    ['nin', [1, 2], { $nin: [1, 2] }],
    ['empty', [], { $in: [null, ''] }],
    ['not_empty', [], { $nin: [null, ''] }],
    ['gt', [5], { $gt: 5 }],
    ['gte', [5], { $gte: 5 }],
    ['lt', [5], { $lt: 5 }],
    ['lte', [5], { $lte: 5 }],
  ] as const)('%s', (op, values, expected) => {
    expect(compileLeaf({ target: field, op, values: [...values] })).toEqual({ 'fields.budget': expected });
  });

  it('contains: an escaped, ASCII-case-insensitive $regex without options', () => {
    expect(compileLeaf({ target: { kind: 'field', key: 'name' }, op: 'contains', values: ['a.B'] })).toEqual({
      'fields.name': { $regex: '[aA]\\.[bB]' },
    });
  });

  it('keeps a value that looks like an operator under $eq, as data', () => {
    expect(compileLeaf({ target: { kind: 'field', key: 'name' }, op: 'eq', values: ['$where'] })).toEqual({
      'fields.name': { $eq: '$where' },
    });
  });

  it('does not share the operand list with the leaf', () => {
    const values = ['A'];
    const query = compileLeaf({ target: { kind: 'select', key: 's' }, op: 'in', values });
    values.push('B');
    expect(query).toEqual({ 'select_field_values.s': { $in: ['A'] } });
  });
});
