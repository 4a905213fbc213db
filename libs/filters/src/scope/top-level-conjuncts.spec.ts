import { FilterCondition } from '@leadgate/contracts';
import { topLevelConjuncts } from './top-level-conjuncts';

const a: FilterCondition = { select: 'a', op: 'eq', value: 'A' };
const b: FilterCondition = { status: 'won', op: 'eq' };
const c: FilterCondition = { field: 'c', op: 'empty' };

describe('topLevelConjuncts', () => {
  it('is the root leaf itself', () => {
    expect(topLevelConjuncts(a)).toEqual([a]);
  });

  it('is the leaves of the top all group, through nested all groups', () => {
    expect(topLevelConjuncts({ all: [a, { all: [b] }, { any: [c] }, { not: c }] })).toEqual([a, b]);
  });

  it('is nothing under a root any or not', () => {
    expect(topLevelConjuncts({ any: [a] })).toEqual([]);
    expect(topLevelConjuncts({ not: a })).toEqual([]);
  });
});
