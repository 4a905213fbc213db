import { describe, expect, it } from '@jest/globals';
import {
  type ConditionDraft,
  emptyCondition,
  type GroupDraft,
  type LeafDraft,
  newGroup,
  newLeaf,
} from './condition-draft';
import { type ApiCondition, draftFromApi, toApiCondition } from './condition-json';
import { SCHEMA } from './schema-fixture';

const leaf = (subject: LeafDraft['subject'], op: LeafDraft['op'], values: string[] = []): LeafDraft => ({
  ...newLeaf(subject),
  op,
  values,
});

/** Drafts compared without their ids, which are new on every read. */
function withoutIds(node: ConditionDraft): unknown {
  if (node.kind === 'leaf') return { subject: node.subject, op: node.op, values: node.values };
  return { group: node.group, members: node.members.map(withoutIds) };
}

describe('condition JSON', () => {
  it("writes the seeds' partner filter exactly as the platform tests do", () => {
    const draft = newGroup('all', [leaf({ kind: 'select', key: 'select_partner' }, 'eq', ['SELECT_PARTNER'])]);
    expect(toApiCondition(draft, SCHEMA)).toEqual({
      all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }],
    });
  });

  it('writes a status compared with one slug the short way, and lists with status: true', () => {
    const status = { kind: 'status' } as const;
    expect(toApiCondition(leaf(status, 'eq', ['new']), SCHEMA)).toEqual({ status: 'new', op: 'eq' });
    expect(toApiCondition(leaf(status, 'neq', ['won']), SCHEMA)).toEqual({ status: 'won', op: 'neq' });
    expect(toApiCondition(leaf(status, 'in', ['new', 'won']), SCHEMA)).toEqual({
      status: true,
      op: 'in',
      value: ['new', 'won'],
    });
    expect(toApiCondition(leaf(status, 'empty'), SCHEMA)).toEqual({ status: true, op: 'empty' });
  });

  it('types field values by the field: numbers, booleans, days and text', () => {
    const field = (key: string) => ({ kind: 'field', key }) as const;
    expect(toApiCondition(leaf(field('rooms'), 'gte', [' 3.5 ']), SCHEMA)).toEqual({
      field: 'rooms',
      op: 'gte',
      value: 3.5,
    });
    expect(toApiCondition(leaf(field('rooms'), 'in', ['1', '2']), SCHEMA)).toEqual({
      field: 'rooms',
      op: 'in',
      value: [1, 2],
    });
    expect(toApiCondition(leaf(field('consent'), 'eq', ['false']), SCHEMA)).toEqual({
      field: 'consent',
      op: 'eq',
      value: false,
    });
    expect(toApiCondition(leaf(field('visit_on'), 'lt', ['2024-05-01']), SCHEMA)).toEqual({
      field: 'visit_on',
      op: 'lt',
      value: '2024-05-01',
    });
    expect(toApiCondition(leaf(field('postcode'), 'contains', [' 80']), SCHEMA)).toEqual({
      field: 'postcode',
      op: 'contains',
      value: ' 80',
    });
    expect(toApiCondition(leaf(field('email'), 'not_empty', ['left over']), SCHEMA)).toEqual({
      field: 'email',
      op: 'not_empty',
    });
  });

  it('writes timestamps as UTC instants in the spelling the services store', () => {
    expect(toApiCondition(leaf({ kind: 'created_at' }, 'gte', ['2024-05-01T10:00']), SCHEMA)).toEqual({
      created_at: true,
      op: 'gte',
      value: '2024-05-01T10:00:00.000Z',
    });
    expect(toApiCondition(leaf({ kind: 'updated_at' }, 'lt', ['2024-05-01T10:00:05.5']), SCHEMA)).toEqual({
      updated_at: true,
      op: 'lt',
      value: '2024-05-01T10:00:05.500Z',
    });
  });

  it('nests groups, and "not" wraps its one member', () => {
    const draft = newGroup('all', [
      leaf({ kind: 'select', key: 'select_partner' }, 'in', ['SELECT_PARTNER', 'VENDOR_NORTH']),
      newGroup('any', [
        leaf({ kind: 'status' }, 'eq', ['won']),
        newGroup('not', [leaf({ kind: 'field', key: 'postcode' }, 'in', ['8000', '8200'])]),
      ]),
    ]);
    expect(toApiCondition(draft, SCHEMA)).toEqual({
      all: [
        { select: 'select_partner', op: 'in', value: ['SELECT_PARTNER', 'VENDOR_NORTH'] },
        { any: [{ status: 'won', op: 'eq' }, { not: { field: 'postcode', op: 'in', value: ['8000', '8200'] } }] },
      ],
    });
  });

  it('refuses to write an incomplete draft', () => {
    expect(() => toApiCondition(emptyCondition(), SCHEMA)).toThrow('incomplete');
    expect(() => toApiCondition(newGroup('not'), SCHEMA)).toThrow('exactly one');
  });

  it.each<[string, ApiCondition]>([
    ['the partner filter', { all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }] }],
    [
      'API.md §6',
      {
        all: [
          { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
          {
            any: [
              { status: 'new', op: 'eq' },
              { field: 'postcode', op: 'in', value: ['8000', '8200'] },
            ],
          },
        ],
      },
    ],
    [
      'every kind of leaf',
      {
        any: [
          {
            not: {
              all: [
                { field: 'rooms', op: 'gt', value: 2 },
                { field: 'consent', op: 'eq', value: true },
              ],
            },
          },
          { status: true, op: 'nin', value: ['lost'] },
          { field: 'visit_on', op: 'empty' },
          { created_at: true, op: 'gte', value: '2024-05-01T00:00:00.000Z' },
          { updated_at: true, op: 'lt', value: '2024-05-01T00:00:00.250Z' },
        ],
      },
    ],
    ['a top "not"', { not: { select: 'heating', op: 'not_empty' } }],
  ])('reads %s back into a draft that writes the same JSON', (_name, condition) => {
    const draft = draftFromApi(condition)!;
    expect(toApiCondition(draft, SCHEMA)).toEqual(condition);
  });

  it('reads the long status form like the short one, and a bare leaf as "all of" it', () => {
    const long = draftFromApi({ status: true, op: 'eq', value: 'won' })!;
    const short = draftFromApi({ status: 'won', op: 'eq' })!;
    expect(withoutIds(long)).toEqual(withoutIds(short));
    expect(withoutIds(short)).toEqual({
      group: 'all',
      members: [{ subject: { kind: 'status' }, op: 'eq', values: ['won'] }],
    });
  });

  it('reads instants as UTC input text (offsets resolved)', () => {
    const draft = draftFromApi({ created_at: true, op: 'gt', value: '2024-05-01T02:00:00+02:00' }) as GroupDraft;
    expect(withoutIds(draft.members[0])).toEqual({
      subject: { kind: 'created_at' },
      op: 'gt',
      values: ['2024-05-01T00:00:00'],
    });
  });

  it.each([
    null,
    'x',
    [],
    { all: 'x' },
    { all: [{ op: 'eq' }] },
    { field: 'a', op: 'like' },
    { field: 'a', op: 'eq', value: {} },
  ])('does not read %j', (condition) => {
    expect(draftFromApi(condition)).toBeNull();
  });
});
