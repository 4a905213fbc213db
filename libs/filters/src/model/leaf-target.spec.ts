import { resolveLeaf, targetPath } from './leaf-target';

describe('resolveLeaf', () => {
  it('reads the status slug form and the status value form the same way', () => {
    expect(resolveLeaf({ status: 'won', op: 'eq' })).toEqual({ target: { kind: 'status' }, op: 'eq', values: ['won'] });
    expect(resolveLeaf({ status: true, op: 'eq', value: 'won' })).toEqual(resolveLeaf({ status: 'won', op: 'eq' }));
  });

  it('lists operands: none, one, or the given list', () => {
    expect(resolveLeaf({ field: 'name', op: 'empty' }).values).toEqual([]);
    expect(resolveLeaf({ field: 'age', op: 'gt', value: 3 }).values).toEqual([3]);
    expect(resolveLeaf({ select: 'src', op: 'in', value: ['A', 'B'] }).values).toEqual(['A', 'B']);
  });

  it('names each kind of target', () => {
    expect(resolveLeaf({ select: 'src', op: 'empty' }).target).toEqual({ kind: 'select', key: 'src' });
    expect(resolveLeaf({ field: 'name', op: 'empty' }).target).toEqual({ kind: 'field', key: 'name' });
    expect(resolveLeaf({ created_at: true, op: 'gt', value: 'x' }).target).toEqual({ kind: 'created_at' });
    expect(resolveLeaf({ updated_at: true, op: 'gt', value: 'x' }).target).toEqual({ kind: 'updated_at' });
  });

  it('refuses a leaf without a target', () => {
    expect(() => resolveLeaf({ op: 'eq', value: 1 })).toThrow('names no target');
  });
});

describe('targetPath', () => {
  it('maps targets onto the stored lead shape', () => {
    expect(targetPath({ kind: 'select', key: 'select_partner' })).toBe('select_field_values.select_partner');
    expect(targetPath({ kind: 'field', key: 'postcode' })).toBe('fields.postcode');
    expect(targetPath({ kind: 'status' })).toBe('status');
    expect(targetPath({ kind: 'created_at' })).toBe('created_at');
    expect(targetPath({ kind: 'updated_at' })).toBe('updated_at');
  });
});
