import { describe, expect, it } from '@jest/globals';
import {
  type ConditionDraft,
  emptyCondition,
  type GroupDraft,
  type LeafDraft,
  newGroup,
  newLeaf,
} from './condition-draft';
import {
  addMember,
  canAddTo,
  depthOf,
  nodeNumbers,
  removeNode,
  setGroupKind,
  setOperator,
  setSubject,
  setValues,
} from './condition-edits';
import { SCHEMA } from './schema-fixture';

const leafOf = (root: GroupDraft, index = 0) => root.members[index] as LeafDraft;

describe('condition edits', () => {
  it('chooses a subject, then an operator, then the value', () => {
    const start = emptyCondition();
    const id = leafOf(start).id;
    const withSubject = setSubject(start, id, { kind: 'select', key: 'select_partner' }, SCHEMA);
    expect(leafOf(withSubject)).toMatchObject({
      subject: { kind: 'select', key: 'select_partner' },
      op: 'eq',
      values: [''],
    });
    const withValue = setValues(withSubject, id, ['SELECT_PARTNER']);
    expect(leafOf(withValue).values).toEqual(['SELECT_PARTNER']);
    const asList = setOperator(withValue, id, 'in');
    expect(leafOf(asList)).toMatchObject({ op: 'in', values: ['SELECT_PARTNER'] });
    expect(leafOf(setOperator(asList, id, 'empty'))).toMatchObject({ op: 'empty', values: [] });
    expect(leafOf(start).subject).toBeNull(); // the old tree is untouched
  });

  it('keeps the operator for a new subject where it fits, else starts at "is"; the value always starts over', () => {
    let root = emptyCondition();
    const id = leafOf(root).id;
    root = setSubject(root, id, { kind: 'field', key: 'rooms' }, SCHEMA);
    root = setValues(setOperator(root, id, 'gt'), id, ['3']);
    expect(leafOf(setSubject(root, id, { kind: 'field', key: 'visit_on' }, SCHEMA))).toMatchObject({
      op: 'gt',
      values: [''],
    });
    expect(leafOf(setSubject(root, id, { kind: 'status' }, SCHEMA))).toMatchObject({ op: 'eq', values: [''] });
  });

  it('adds and removes conditions and groups anywhere in the tree', () => {
    const inner = newGroup('any', [newLeaf()]);
    let root = newGroup('all', [newLeaf(), inner]);
    const added = newLeaf();
    root = addMember(root, inner.id, added);
    expect((root.members[1] as GroupDraft).members.map((member) => member.id)).toContain(added.id);
    root = removeNode(root, added.id);
    expect((root.members[1] as GroupDraft).members).toHaveLength(1);
    root = removeNode(root, inner.id);
    expect(root.members).toHaveLength(1);
  });

  it('lets "not" hold one condition, and turns several into "not (all of them)"', () => {
    const a = newLeaf();
    const b = newLeaf();
    const root = newGroup('all', [a, b]);
    const negated = setGroupKind(root, root.id, 'not');
    expect(negated.group).toBe('not');
    expect(negated.members).toHaveLength(1);
    expect(negated.members[0]).toMatchObject({ kind: 'group', group: 'all', members: [a, b] });
    expect(canAddTo(negated, negated, 'leaf')).toBe(false);
    expect(addMember(negated, negated.id, newLeaf())).toBe(negated);
    expect(setGroupKind(negated, negated.id, 'any').members).toEqual(negated.members);
  });

  it("stops adding where the services' limits would be passed (8 levels)", () => {
    let root: GroupDraft = newGroup('all');
    let deepest = root;
    for (let depth = 2; depth <= 7; depth++) {
      const group = newGroup('all');
      root = addMember(root, deepest.id, group);
      deepest = group;
    }
    expect(depthOf(root, deepest.id)).toBe(7);
    expect(canAddTo(root, deepest, 'leaf')).toBe(true);
    expect(canAddTo(root, deepest, 'group')).toBe(false);
  });

  it('numbers nodes for people: 1, 2, 2.1', () => {
    const nested: ConditionDraft = newLeaf();
    const group = newGroup('any', [nested]);
    const first = newLeaf();
    const root = newGroup('all', [first, group]);
    const numbers = nodeNumbers(root);
    expect([numbers.get(root.id), numbers.get(first.id), numbers.get(group.id), numbers.get(nested.id)]).toEqual([
      '',
      '1',
      '2',
      '2.1',
    ]);
  });
});
