import { FilterCondition } from '@leadgate/contracts';
import { CAMPAIGN } from '@leadgate/filters/testing/campaign-fixture';
import { InvalidFilterError } from '@leadgate/filters/validate/filter-error';
import { StoredLead } from './stored-lead';
import { toPredicate } from './to-predicate';

const LEADS: StoredLead[] = [
  {
    _id: 'full',
    fields: {
      name: 'Jane Doe',
      email: 'JANE@Example.com',
      postcode: '8000',
      rooms: 100,
      visit_on: '2024-05-01',
      consent: true,
      constructor: 'Straße',
    },
    select_field_values: { select_partner: 'SELECT_PARTNER', select_region: 'NORTH' },
    status: 'new',
    created_at: '2024-05-01T00:00:00.000Z',
    updated_at: '2024-05-03T12:00:00.000Z',
  },
  {
    _id: 'blank',
    fields: { name: '', email: '', rooms: 0, consent: false, visit_on: '2023-12-31' },
    select_field_values: { select_partner: 'VENDOR_NORTH' },
    status: 'won',
    created_at: '2024-05-02T00:00:00.000Z',
    updated_at: '2024-05-02T00:00:00.000Z',
  },
  {
    _id: 'nulls',
    fields: { name: null, rooms: null, consent: null },
    select_field_values: { select_partner: null },
    status: 'lost',
    created_at: '2024-04-30T23:59:59.999Z',
    updated_at: '2024-05-01T00:00:00.000Z',
  },
  { _id: 'bare', status: 'new', created_at: '2024-05-01T00:00:00.001Z', updated_at: '2024-05-01T00:00:00.001Z' },
  // Not what the leads service stores; here to pin down type bracketing.
  { _id: 'odd', fields: { name: 5, rooms: '100', consent: 'true' }, status: 'won' },
];

function matching(condition: FilterCondition): string[] {
  const predicate = toPredicate(condition, CAMPAIGN);
  return LEADS.filter(predicate).map((lead) => String(lead._id));
}

describe('toPredicate', () => {
  describe('text fields', () => {
    it('eq / neq: neq also matches where the value is missing or null (like $ne)', () => {
      expect(matching({ field: 'name', op: 'eq', value: 'Jane Doe' })).toEqual(['full']);
      expect(matching({ field: 'name', op: 'neq', value: 'Jane Doe' })).toEqual(['blank', 'nulls', 'bare', 'odd']);
    });

    it('in / nin: nin also matches where the value is missing (like $nin)', () => {
      expect(matching({ field: 'postcode', op: 'in', value: ['8000', '8200'] })).toEqual(['full']);
      expect(matching({ field: 'postcode', op: 'nin', value: ['8000'] })).toEqual(['blank', 'nulls', 'bare', 'odd']);
    });

    it('empty = missing, null or ""; not_empty is its complement', () => {
      expect(matching({ field: 'name', op: 'empty' })).toEqual(['blank', 'nulls', 'bare']);
      expect(matching({ field: 'name', op: 'not_empty' })).toEqual(['full', 'odd']);
    });

    it('contains: anywhere, ASCII case-insensitive, text values only', () => {
      expect(matching({ field: 'email', op: 'contains', value: 'jane@example' })).toEqual(['full']);
      expect(matching({ field: 'name', op: 'contains', value: 'e d' })).toEqual(['full']);
      expect(matching({ field: 'name', op: 'contains', value: '5' })).toEqual([]); // 5 is a number
      expect(matching({ field: 'name', op: 'contains', value: '.' })).toEqual([]); // literal, not a regex
    });

    it('contains: non-ASCII letters match exactly only', () => {
      expect(matching({ field: 'constructor', op: 'contains', value: 'sTRAßE' })).toEqual(['full']);
      expect(matching({ field: 'constructor', op: 'contains', value: 'STRAẞE' })).toEqual([]); // capital sharp s
      expect(matching({ field: 'constructor', op: 'contains', value: 'STRASSE' })).toEqual([]);
    });

    it('reads a field named like an Object.prototype member as data', () => {
      expect(matching({ field: 'constructor', op: 'empty' })).toEqual(['blank', 'nulls', 'bare', 'odd']);
    });
  });

  describe('number fields', () => {
    it('eq / neq / in / nin compare numbers only, 0 is not empty', () => {
      expect(matching({ field: 'rooms', op: 'eq', value: 100 })).toEqual(['full']);
      expect(matching({ field: 'rooms', op: 'eq', value: -0 })).toEqual(['blank']);
      expect(matching({ field: 'rooms', op: 'neq', value: 100 })).toEqual(['blank', 'nulls', 'bare', 'odd']);
      expect(matching({ field: 'rooms', op: 'in', value: [0, 100] })).toEqual(['full', 'blank']);
      expect(matching({ field: 'rooms', op: 'nin', value: [0, 100] })).toEqual(['nulls', 'bare', 'odd']);
      expect(matching({ field: 'rooms', op: 'empty' })).toEqual(['nulls', 'bare']);
    });

    it('gt / gte / lt / lte bracket by type: missing, null and "100" never compare', () => {
      expect(matching({ field: 'rooms', op: 'gt', value: 0 })).toEqual(['full']);
      expect(matching({ field: 'rooms', op: 'gte', value: 0 })).toEqual(['full', 'blank']);
      expect(matching({ field: 'rooms', op: 'lt', value: 100 })).toEqual(['blank']);
      expect(matching({ field: 'rooms', op: 'lte', value: 100 })).toEqual(['full', 'blank']);
      expect(matching({ not: { field: 'rooms', op: 'lt', value: 100 } })).toEqual(['full', 'nulls', 'bare', 'odd']);
    });
  });

  describe('date fields', () => {
    it('compare days as text', () => {
      expect(matching({ field: 'visit_on', op: 'gte', value: '2024-01-01' })).toEqual(['full']);
      expect(matching({ field: 'visit_on', op: 'lt', value: '2024-05-01' })).toEqual(['blank']);
      expect(matching({ field: 'visit_on', op: 'lte', value: '2024-05-01' })).toEqual(['full', 'blank']);
      expect(matching({ field: 'visit_on', op: 'gt', value: '2024-05-01' })).toEqual([]);
      expect(matching({ field: 'visit_on', op: 'in', value: ['2023-12-31'] })).toEqual(['blank']);
      expect(matching({ field: 'visit_on', op: 'eq', value: '2024-05-01' })).toEqual(['full']);
    });
  });

  describe('boolean fields', () => {
    it('false is a value, not empty; "true" is not true', () => {
      expect(matching({ field: 'consent', op: 'eq', value: true })).toEqual(['full']);
      expect(matching({ field: 'consent', op: 'eq', value: false })).toEqual(['blank']);
      expect(matching({ field: 'consent', op: 'neq', value: true })).toEqual(['blank', 'nulls', 'bare', 'odd']);
      expect(matching({ field: 'consent', op: 'empty' })).toEqual(['nulls', 'bare']);
      expect(matching({ field: 'consent', op: 'not_empty' })).toEqual(['full', 'blank', 'odd']);
    });
  });

  describe('selects', () => {
    it('every select operator', () => {
      const partner = 'select_partner';
      expect(matching({ select: partner, op: 'eq', value: 'SELECT_PARTNER' })).toEqual(['full']);
      expect(matching({ select: partner, op: 'neq', value: 'SELECT_PARTNER' })).toEqual([
        'blank',
        'nulls',
        'bare',
        'odd',
      ]);
      expect(matching({ select: partner, op: 'in', value: ['SELECT_PARTNER', 'VENDOR_NORTH'] })).toEqual([
        'full',
        'blank',
      ]);
      expect(matching({ select: partner, op: 'nin', value: ['VENDOR_NORTH'] })).toEqual([
        'full',
        'nulls',
        'bare',
        'odd',
      ]);
      expect(matching({ select: partner, op: 'empty' })).toEqual(['nulls', 'bare', 'odd']);
      expect(matching({ select: 'select_region', op: 'not_empty' })).toEqual(['full']);
    });
  });

  describe('status', () => {
    it('both forms, lists and presence', () => {
      expect(matching({ status: 'won', op: 'eq' })).toEqual(['blank', 'odd']);
      expect(matching({ status: true, op: 'eq', value: 'won' })).toEqual(['blank', 'odd']);
      expect(matching({ status: 'won', op: 'neq' })).toEqual(['full', 'nulls', 'bare']);
      expect(matching({ status: true, op: 'in', value: ['new', 'lost'] })).toEqual(['full', 'nulls', 'bare']);
      expect(matching({ status: true, op: 'nin', value: ['new', 'lost'] })).toEqual(['blank', 'odd']);
      expect(matching({ status: true, op: 'empty' })).toEqual([]);
      expect(matching({ status: true, op: 'not_empty' })).toHaveLength(LEADS.length);
    });
  });

  describe('timestamps', () => {
    it('compare instants to the millisecond, with any offset in the operand', () => {
      const at = '2024-05-01T02:00:00+02:00';
      expect(matching({ created_at: true, op: 'eq', value: at })).toEqual(['full']);
      expect(matching({ created_at: true, op: 'neq', value: at })).toEqual(['blank', 'nulls', 'bare', 'odd']);
      expect(matching({ created_at: true, op: 'gt', value: at })).toEqual(['blank', 'bare']);
      expect(matching({ created_at: true, op: 'gte', value: at })).toEqual(['full', 'blank', 'bare']);
      expect(matching({ created_at: true, op: 'lt', value: at })).toEqual(['nulls']);
      expect(matching({ updated_at: true, op: 'lte', value: '2024-05-01T00:00:00.001Z' })).toEqual(['nulls', 'bare']);
    });
  });

  describe('groups', () => {
    it('all, any and not combine as logic does', () => {
      const won: FilterCondition = { status: 'won', op: 'eq' };
      const blankName: FilterCondition = { field: 'name', op: 'empty' };
      expect(matching({ all: [won, blankName] })).toEqual(['blank']);
      expect(matching({ any: [won, blankName] })).toEqual(['blank', 'nulls', 'bare', 'odd']);
      expect(matching({ not: { any: [won, blankName] } })).toEqual(['full']);
      expect(matching({ all: [{ not: won }] })).toEqual(['full', 'nulls', 'bare']);
    });
  });

  it('throws on a condition that does not fit the schema', () => {
    expect(() => toPredicate({ select: 'select_partner', op: 'eq', value: 'GONE' }, CAMPAIGN)).toThrow(
      InvalidFilterError,
    );
  });
});
