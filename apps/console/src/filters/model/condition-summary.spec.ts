import { describe, expect, it } from '@jest/globals';
import { describeCondition } from './condition-summary';
import { SCHEMA } from './schema-fixture';

describe('describeCondition', () => {
  it("says the partner filter in the campaign's words", () => {
    expect(describeCondition({ all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }] }, SCHEMA)).toBe(
      'Source is Partner ABC',
    );
  });

  it('brackets nested groups and says "not"', () => {
    const condition = {
      all: [
        { select: 'select_partner', op: 'in', value: ['SELECT_PARTNER', 'VENDOR_NORTH'] },
        {
          any: [
            { status: 'won', op: 'eq' },
            { not: { field: 'postcode', op: 'contains', value: '80' } },
            { field: 'consent', op: 'eq', value: true },
          ],
        },
        { created_at: true, op: 'gte', value: '2024-05-01T00:00:00.000Z' },
        { field: 'rooms', op: 'not_empty' },
      ],
    };
    expect(describeCondition(condition, SCHEMA)).toBe(
      'Source is one of Partner ABC, Vendor North and (Status is Won or not (Postcode contains "80") or Consent is yes)' +
        ' and Created is on or after 2024-05-01 00:00:00 UTC and Rooms is not empty',
    );
  });

  it('shows keys the campaign no longer has as they are', () => {
    expect(describeCondition({ field: 'gone', op: 'eq', value: 'x' }, SCHEMA)).toBe('gone is "x"');
  });

  it('says when it cannot read a condition', () => {
    expect(describeCondition({ odd: true }, SCHEMA)).toBe('A condition this console cannot show.');
  });
});
