import { describe, expect, it } from '@jest/globals';
import { type LeafDraft, newGroup, newLeaf } from './condition-draft';
import { nodePaths, placeApiErrors, problemsByNode } from './condition-errors';

const leaf = (subject: LeafDraft['subject'], op: LeafDraft['op'], values: string[]): LeafDraft => ({
  ...newLeaf(subject),
  op,
  values,
});

describe('API errors beside the leaves', () => {
  const select = leaf({ kind: 'select', key: 'select_partner' }, 'eq', ['NOPE']);
  const status = leaf({ kind: 'status' }, 'eq', ['gone']);
  const postcode = leaf({ kind: 'field', key: 'postcode' }, 'in', ['8000', '']);
  const negated = newGroup('not', [postcode]);
  const any = newGroup('any', [status, negated]);
  const root = newGroup('all', [select, any]);

  it('names every node by its path in the API JSON', () => {
    const paths = nodePaths(root);
    expect(paths.get(root.id)).toBe('condition');
    expect(paths.get(select.id)).toBe('condition.all.0');
    expect(paths.get(any.id)).toBe('condition.all.1');
    expect(paths.get(status.id)).toBe('condition.all.1.any.0');
    expect(paths.get(negated.id)).toBe('condition.all.1.any.1');
    expect(paths.get(postcode.id)).toBe('condition.all.1.any.1.not');
  });

  it('puts each error on the control it names, and says which paths it placed', () => {
    const errors = [
      { path: 'condition.all.0.value', message: '"NOPE" is not an option of select "select_partner"' },
      { path: 'condition.all.1.any.0.status', message: '"gone" is not a status of this campaign' },
      { path: 'condition.all.1.any.1.not.value.1', message: 'must be text for a text field' },
      { path: 'condition.all.1.any.1.not.op', message: 'bad op' },
      { path: 'condition.all.1.any', message: 'must be a non-empty list of conditions' },
      { path: 'condition.all.7.value', message: 'a leaf that is gone' },
      { path: 'name', message: 'not a condition' },
    ];
    const { problems, placedPaths } = placeApiErrors(root, errors);
    expect(problems).toEqual([
      { nodeId: select.id, slot: 'value', message: errors[0].message },
      { nodeId: status.id, slot: 'value', message: errors[1].message },
      { nodeId: postcode.id, slot: 'value', message: errors[2].message },
      { nodeId: postcode.id, slot: 'op', message: 'bad op' },
      { nodeId: any.id, slot: 'node', message: errors[4].message },
    ]);
    expect(placedPaths).toEqual(errors.slice(0, 5).map((error) => error.path));
  });

  it('does not mistake condition.all.10 for a path under condition.all.1', () => {
    const members = Array.from({ length: 11 }, () => leaf({ kind: 'status' }, 'eq', ['new']));
    const wide = newGroup('all', members);
    const { problems } = placeApiErrors(wide, [{ path: 'condition.all.10.status', message: 'gone' }]);
    expect(problems).toEqual([{ nodeId: members[10].id, slot: 'value', message: 'gone' }]);
  });

  it('names the subject for errors on the target key', () => {
    const { problems } = placeApiErrors(root, [{ path: 'condition.all.0.select', message: 'no such select' }]);
    expect(problems).toEqual([{ nodeId: select.id, slot: 'subject', message: 'no such select' }]);
  });

  it('joins several messages for one control', () => {
    const byNode = problemsByNode([
      { nodeId: 'a', slot: 'value', message: 'One.' },
      { nodeId: 'a', slot: 'value', message: 'Two.' },
      { nodeId: 'a', slot: 'value', message: 'Two.' },
      { nodeId: 'a', slot: 'op', message: 'Op.' },
    ]);
    expect(byNode.get('a')).toEqual({ value: 'One. Two.', op: 'Op.' });
  });
});
