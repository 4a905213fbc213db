import { FilterCondition } from '@leadgate/contracts';
import { CAMPAIGN } from '@leadgate/filters/testing/campaign-fixture';
import { InvalidFilterError } from '@leadgate/filters/validate/filter-error';
import { compileToMongo } from './compile-to-mongo';

const ALLOWED = new Set(['$and', '$or', '$nor', '$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$regex']);

function operatorsIn(query: unknown): string[] {
  if (Array.isArray(query)) return query.flatMap(operatorsIn);
  if (typeof query !== 'object' || query === null) return [];
  return Object.entries(query).flatMap(([key, inner]) => [
    ...(key.startsWith('$') ? [key] : []),
    ...operatorsIn(inner),
  ]);
}

describe('compileToMongo', () => {
  it('compiles the example of API.md §6', () => {
    const condition: FilterCondition = {
      all: [
        { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
        {
          any: [
            { status: 'new', op: 'eq' },
            { field: 'postcode', op: 'in', value: ['8000', '8200'] },
          ],
        },
      ],
    };
    expect(compileToMongo(condition, CAMPAIGN)).toEqual({
      $and: [
        { 'select_field_values.select_partner': { $eq: 'SELECT_PARTNER' } },
        { $or: [{ status: { $eq: 'new' } }, { 'fields.postcode': { $in: ['8000', '8200'] } }] },
      ],
    });
  });

  it('compiles not as $nor', () => {
    expect(compileToMongo({ not: { field: 'consent', op: 'eq', value: true } }, CAMPAIGN)).toEqual({
      $nor: [{ 'fields.consent': { $eq: true } }],
    });
  });

  it('keeps two tests of one path apart instead of merging them', () => {
    const condition: FilterCondition = {
      all: [
        { field: 'rooms', op: 'gte', value: 10 },
        { field: 'rooms', op: 'lt', value: 20 },
      ],
    };
    expect(compileToMongo(condition, CAMPAIGN)).toEqual({
      $and: [{ 'fields.rooms': { $gte: 10 } }, { 'fields.rooms': { $lt: 20 } }],
    });
  });

  it('compiles both status forms to the same query', () => {
    const bySlug = compileToMongo({ status: 'won', op: 'neq' }, CAMPAIGN);
    expect(bySlug).toEqual({ status: { $ne: 'won' } });
    expect(compileToMongo({ status: true, op: 'neq', value: 'won' }, CAMPAIGN)).toEqual(bySlug);
    expect(compileToMongo({ status: true, op: 'nin', value: ['won', 'lost'] }, CAMPAIGN)).toEqual({
      status: { $nin: ['won', 'lost'] },
    });
  });

  it('compares timestamps as stored text, after normalizing the operand', () => {
    expect(compileToMongo({ created_at: true, op: 'gte', value: '2024-05-01T02:00:00+02:00' }, CAMPAIGN)).toEqual({
      created_at: { $gte: '2024-05-01T00:00:00.000Z' },
    });
    expect(compileToMongo({ updated_at: true, op: 'lt', value: '2024-05-01T00:00:00Z' }, CAMPAIGN)).toEqual({
      updated_at: { $lt: '2024-05-01T00:00:00.000Z' },
    });
  });

  it('compiles date fields as day text', () => {
    expect(compileToMongo({ field: 'visit_on', op: 'lte', value: '2024-12-31' }, CAMPAIGN)).toEqual({
      'fields.visit_on': { $lte: '2024-12-31' },
    });
  });

  it('uses only operators FerretDB v1 supports well', () => {
    const condition: FilterCondition = {
      any: [
        {
          all: [
            { field: 'name', op: 'contains', value: 'x' },
            { select: 'select_region', op: 'empty' },
          ],
        },
        { not: { field: 'rooms', op: 'nin', value: [1] } },
        { field: 'email', op: 'not_empty' },
        { updated_at: true, op: 'gt', value: '2024-01-01T00:00:00Z' },
      ],
    };
    for (const operator of operatorsIn(compileToMongo(condition, CAMPAIGN))) expect(ALLOWED.has(operator)).toBe(true);
  });

  it('throws on a condition that does not fit the schema, or carries an operator', () => {
    expect(() => compileToMongo({ field: 'nope', op: 'empty' }, CAMPAIGN)).toThrow(InvalidFilterError);
    const injected = { field: 'name', op: 'eq', value: { $ne: null } } as unknown as FilterCondition;
    expect(() => compileToMongo(injected, CAMPAIGN)).toThrow(InvalidFilterError);
    const dotted = { field: 'name.$where', op: 'empty' } as FilterCondition;
    expect(() => compileToMongo(dotted, CAMPAIGN)).toThrow(InvalidFilterError);
  });
});
