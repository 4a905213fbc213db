import { isLeaf, leavesOf } from './condition-nodes';

describe('condition nodes', () => {
  it('tells leaves from groups', () => {
    expect(isLeaf({ field: 'a', op: 'empty' })).toBe(true);
    expect(isLeaf({ all: [] })).toBe(false);
    expect(isLeaf({ not: { field: 'a', op: 'empty' } })).toBe(false);
  });

  it('collects leaves under every kind of group, in order', () => {
    const a = { field: 'a', op: 'empty' } as const;
    const b = { select: 'b', op: 'empty' } as const;
    const c = { status: 'new', op: 'eq' } as const;
    expect(leavesOf({ all: [a, { any: [b, { not: c }] }] })).toEqual([a, b, c]);
  });
});
