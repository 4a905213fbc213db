import { CAMPAIGN } from '@leadgate/contracts/testing';
import { OPERATORS_BY_TYPE as SERVICES_OPERATORS, validateCondition } from '@leadgate/filters';
import { checkDraft } from '@console/filters/model/condition-checks';
import { type LeafDraft, newGroup, newLeaf, type Subject } from '@console/filters/model/condition-draft';
import { toApiCondition } from '@console/filters/model/condition-json';
import { OPERATORS_BY_TYPE } from '@console/filters/model/operators';

/**
 * The console's condition model against the services' own grammar (libs/filters): the same
 * operators per type, and a draft the builder calls complete is exactly a condition the services
 * accept and store unchanged (so what is saved reads back equal), while one it holds back is one
 * they refuse. The console cannot import the library (browser bundle, no alias): this keeps the copy honest.
 */
describe('console filter model = the services grammar', () => {
  it('offers the same operators for every type', () => {
    expect(OPERATORS_BY_TYPE).toEqual(SERVICES_OPERATORS);
  });

  const leaf = (subject: Subject, op: LeafDraft['op'], values: string[] = []): LeafDraft => ({
    ...newLeaf(subject),
    op,
    values,
  });
  const select = { kind: 'select', key: 'select_partner' } as const;
  const field = (key: string) => ({ kind: 'field', key }) as const;
  const LEAVES: LeafDraft[] = [
    leaf(select, 'eq', ['SELECT_PARTNER']),
    leaf(select, 'eq', ['NOPE']),
    leaf(select, 'nin', ['SELECT_PARTNER', 'VENDOR_NORTH']),
    leaf(select, 'in', []),
    leaf(select, 'gt', ['SELECT_PARTNER']),
    leaf(select, 'empty'),
    leaf({ kind: 'status' }, 'eq', ['won']),
    leaf({ kind: 'status' }, 'neq', ['gone']),
    leaf({ kind: 'status' }, 'in', ['new', 'lost']),
    leaf({ kind: 'status' }, 'not_empty'),
    leaf(field('postcode'), 'contains', ['80']),
    leaf(field('postcode'), 'contains', ['']),
    leaf(field('postcode'), 'gt', ['8000']),
    leaf(field('email'), 'in', ['a@example.com', 'b@example.com']),
    leaf(field('rooms'), 'gte', ['2.5']),
    leaf(field('rooms'), 'eq', ['two']),
    leaf(field('rooms'), 'contains', ['2']),
    leaf(field('visit_on'), 'lt', ['2024-02-29']),
    leaf(field('visit_on'), 'lt', ['2023-02-29']),
    leaf(field('consent'), 'eq', ['true']),
    leaf(field('consent'), 'in', ['true']),
    leaf(field('nope'), 'eq', ['x']),
    leaf({ kind: 'created_at' }, 'gte', ['2024-05-01T10:00']),
    leaf({ kind: 'updated_at' }, 'lte', ['2024-05-01T10:00:05.250']),
    leaf({ kind: 'created_at' }, 'empty'),
  ];

  it.each(LEAVES.map((draft) => [JSON.stringify(toApiCondition(draft, CAMPAIGN)), draft] as const))(
    'agrees on %s',
    (_json, draft) => {
      const root = newGroup('all', [draft]);
      const condition = toApiCondition(root, CAMPAIGN);
      const verdict = validateCondition(condition, CAMPAIGN);
      expect(checkDraft(root, CAMPAIGN).length === 0).toBe(verdict.ok);
      if (verdict.ok) expect(verdict.condition).toEqual(condition);
    },
  );

  it('agrees on nested groups, stored unchanged', () => {
    const root = newGroup('all', [
      leaf(select, 'in', ['SELECT_PARTNER', 'VENDOR_NORTH']),
      newGroup('any', [
        leaf({ kind: 'status' }, 'eq', ['won']),
        newGroup('not', [leaf(field('postcode'), 'in', ['8000'])]),
      ]),
    ]);
    const condition = toApiCondition(root, CAMPAIGN);
    expect(checkDraft(root, CAMPAIGN)).toEqual([]);
    expect(validateCondition(condition, CAMPAIGN)).toEqual({ ok: true, condition });
  });
});
