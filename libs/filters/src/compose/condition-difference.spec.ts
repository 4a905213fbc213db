import { FILTER_LIMITS, FilterCondition } from '@leadgate/contracts';
import { compileToMongo } from '@leadgate/filters/compile/compile-to-mongo';
import { StoredLead } from '@leadgate/filters/predicate/stored-lead';
import { toPredicate } from '@leadgate/filters/predicate/to-predicate';
import { CAMPAIGN } from '@leadgate/filters/testing/campaign-fixture';
import { InvalidFilterError } from '@leadgate/filters/validate/filter-error';
import { conditionDifference } from './condition-difference';

const partner: FilterCondition = { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' };
const partnerOrWon: FilterCondition = { any: [partner, { status: 'won', op: 'eq' }] };
const noPostcode: FilterCondition = { field: 'postcode', op: 'empty' };

const LEADS: StoredLead[] = [
  { _id: 'p-new', select_field_values: { select_partner: 'SELECT_PARTNER' }, status: 'new', fields: {} },
  { _id: 'p-won', select_field_values: { select_partner: 'SELECT_PARTNER' }, status: 'won', fields: {} },
  {
    _id: 'v-won',
    select_field_values: { select_partner: 'VENDOR_NORTH' },
    status: 'won',
    fields: { postcode: '8000' },
  },
  { _id: 'v-new', select_field_values: { select_partner: 'VENDOR_NORTH' }, status: 'new', fields: { postcode: '' } },
  { _id: 'bare', status: 'new' },
];

const ids = (matches: (lead: StoredLead) => boolean) => LEADS.filter(matches).map((lead) => lead._id);

/** A condition nested exactly as deep as FILTER_LIMITS allows. */
function deepest(leaf: FilterCondition): FilterCondition {
  let condition = leaf;
  for (let depth = 1; depth < FILTER_LIMITS.maxDepth; depth++) condition = { not: condition };
  return condition;
}

describe('conditionDifference', () => {
  const pairs: [string, FilterCondition, FilterCondition][] = [
    ['gains of widening', partnerOrWon, partner],
    ['losses of widening', partner, partnerOrWon],
    ['disjoint', noPostcode, partner],
    ['same', partner, partner],
  ];

  it.each(pairs)('%s: the query is what compileToMongo makes of { all: [a, { not: b }] }', (_, a, b) => {
    expect(conditionDifference(a, b, CAMPAIGN).query).toEqual(compileToMongo({ all: [a, { not: b }] }, CAMPAIGN));
  });

  it.each(pairs)('%s: the predicate selects what toPredicate of the group selects', (_, a, b) => {
    const group = toPredicate({ all: [a, { not: b }] }, CAMPAIGN);
    expect(ids(conditionDifference(a, b, CAMPAIGN).matches)).toEqual(ids(group));
  });

  it('counts gains and losses: new AND NOT old, old AND NOT new', () => {
    expect(ids(conditionDifference(partnerOrWon, partner, CAMPAIGN).matches)).toEqual(['v-won']);
    expect(ids(conditionDifference(partner, partnerOrWon, CAMPAIGN).matches)).toEqual([]);
    expect(ids(conditionDifference(noPostcode, partner, CAMPAIGN).matches)).toEqual(['v-new', 'bare']);
    expect(ids(conditionDifference(partner, partner, CAMPAIGN).matches)).toEqual([]);
  });

  it('takes two conditions at the depth limit, whose composite group the library would refuse', () => {
    const a = deepest(partner);
    const b = deepest(noPostcode);
    expect(() => compileToMongo({ all: [a, { not: b }] }, CAMPAIGN)).toThrow(InvalidFilterError);
    const difference = conditionDifference(a, b, CAMPAIGN);
    // maxDepth - 1 = 7 `not`s (odd) around each leaf: a is NOT partner, b is NOT noPostcode.
    expect(ids(difference.matches)).toEqual(
      ids((lead) => !toPredicate(partner, CAMPAIGN)(lead) && toPredicate(noPostcode, CAMPAIGN)(lead)),
    );
  });

  it('validates each side: a condition that does not fit the schema throws, never reaches a query', () => {
    const unknownOption: FilterCondition = { select: 'select_partner', op: 'eq', value: 'NOPE' };
    expect(() => conditionDifference(unknownOption, partner, CAMPAIGN)).toThrow(InvalidFilterError);
    expect(() => conditionDifference(partner, unknownOption, CAMPAIGN)).toThrow(InvalidFilterError);
  });
});
