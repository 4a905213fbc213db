import { describe, expect, it } from '@jest/globals';
import {
  type ConditionDraft,
  emptyCondition,
  type LeafDraft,
  newGroup,
  newLeaf,
  type Subject,
} from './condition-draft';
import { checkDraft } from './condition-checks';
import { SCHEMA } from './schema-fixture';

const leaf = (subject: Subject | null, op: LeafDraft['op'] = null, values: string[] = []): LeafDraft => ({
  ...newLeaf(subject),
  op,
  values,
});
const messagesOf = (node: ConditionDraft) =>
  checkDraft(node.kind === 'group' ? node : newGroup('all', [node]), SCHEMA).map(({ slot, message }) => [
    slot,
    message,
  ]);

describe('checkDraft', () => {
  it('asks for the subject, then the operator, then the value', () => {
    expect(messagesOf(emptyCondition())).toEqual([['subject', 'Choose what this condition tests.']]);
    expect(messagesOf(leaf({ kind: 'status' }))).toEqual([['op', 'Choose an operator.']]);
    expect(messagesOf(leaf({ kind: 'status' }, 'eq', ['']))).toEqual([['value', 'Choose a value.']]);
    expect(messagesOf(leaf({ kind: 'field', key: 'postcode' }, 'eq', ['']))).toEqual([['value', 'Enter a value.']]);
    expect(messagesOf(leaf({ kind: 'status' }, 'in', []))).toEqual([['value', 'Add at least one value.']]);
  });

  it('accepts complete leaves of every kind', () => {
    const complete = newGroup('any', [
      leaf({ kind: 'select', key: 'select_partner' }, 'eq', ['SELECT_PARTNER']),
      leaf({ kind: 'status' }, 'nin', ['new', 'lost']),
      leaf({ kind: 'field', key: 'rooms' }, 'lte', ['-2.5e1']),
      leaf({ kind: 'field', key: 'visit_on' }, 'in', ['2024-02-29']),
      leaf({ kind: 'field', key: 'consent' }, 'neq', ['true']),
      leaf({ kind: 'field', key: 'email' }, 'empty'),
      leaf({ kind: 'created_at' }, 'gte', ['2024-05-01T10:00']),
    ]);
    expect(checkDraft(complete, SCHEMA)).toEqual([]);
  });

  it('refuses what the campaign does not have', () => {
    expect(messagesOf(leaf({ kind: 'select', key: 'gone' }, 'eq', ['X']))).toEqual([
      ['subject', 'The campaign has no select "gone".'],
    ]);
    expect(messagesOf(leaf({ kind: 'select', key: 'select_partner' }, 'eq', ['NOPE']))).toEqual([
      ['value', '"NOPE" is not an option of Source.'],
    ]);
    expect(messagesOf(leaf({ kind: 'status' }, 'in', ['new', 'gone']))).toEqual([
      ['value', '"gone" is not a status of this campaign.'],
    ]);
  });

  it('refuses operators that do not fit the type', () => {
    expect(messagesOf(leaf({ kind: 'field', key: 'rooms' }, 'contains', ['1']))).toEqual([
      ['op', '"contains" does not apply here.'],
    ]);
    expect(messagesOf(leaf({ kind: 'created_at' }, 'empty'))).toEqual([['op', '"is empty" does not apply here.']]);
  });

  it.each([
    ['rooms', '3 rooms', 'Enter a number, e.g. 42 or 3.5.'],
    ['rooms', 'Infinity', 'Enter a number, e.g. 42 or 3.5.'],
    ['visit_on', '2023-02-29', 'Enter a day as YYYY-MM-DD.'],
    ['consent', 'maybe', 'Choose yes or no.'],
    ['postcode', 'x'.repeat(1001), 'must be at most 1000 characters'],
  ])('checks a %s value %j', (key, value, message) => {
    expect(messagesOf(leaf({ kind: 'field', key }, 'eq', [value]))).toEqual([['value', message]]);
  });

  it('wants every listed value filled in', () => {
    expect(messagesOf(leaf({ kind: 'field', key: 'postcode' }, 'in', ['8000', '']))).toEqual([
      ['value', 'Fill in or remove the empty value.'],
    ]);
  });

  it('wants every group to hold a condition', () => {
    const draft = newGroup('all', [newGroup('any'), newGroup('not')]);
    expect(messagesOf(draft)).toEqual([
      ['node', 'Add a condition.'],
      ['node', 'Add the condition to negate.'],
    ]);
  });

  it("holds the services' nesting limit: 8 levels", () => {
    let node: ConditionDraft = leaf({ kind: 'status' }, 'eq', ['new']);
    for (let depth = 1; depth < 8; depth++) node = newGroup('all', [node]);
    expect(checkDraft(node, SCHEMA)).toEqual([]);
    expect(messagesOf(newGroup('all', [node]))).toEqual([
      ['node', 'A condition nests at most 8 levels and holds at most 200 conditions.'],
    ]);
  });
});
