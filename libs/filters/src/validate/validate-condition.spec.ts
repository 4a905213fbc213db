import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { CAMPAIGN } from '@leadgate/filters/testing/campaign-fixture';
import { InvalidFilterError } from './filter-error';
import { assertValidCondition, validateCondition } from './validate-condition';

describe('validateCondition', () => {
  it('returns the normalized condition when it fits the schema', () => {
    const input = {
      all: [
        { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
        { created_at: true, op: 'gte', value: '2024-05-01T02:00:00+02:00' },
      ],
    };
    expect(validateCondition(input, CAMPAIGN)).toEqual({
      ok: true,
      condition: {
        all: [
          { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
          { created_at: true, op: 'gte', value: '2024-05-01T00:00:00.000Z' },
        ],
      },
    });
  });

  it('reports shape problems without looking at the schema', () => {
    const result = validateCondition({ all: [{ select: 'unknown', op: 'eq', value: { $ne: null } }] }, CAMPAIGN);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'condition.all.0.value', message: expect.stringMatching(/never an object/) }],
    });
  });

  it('reports unknown names against the schema', () => {
    const result = validateCondition({ all: [{ select: 'select_partner', op: 'eq', value: 'OTHER' }] }, CAMPAIGN);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'condition.all.0.value', message: '"OTHER" is not an option of select "select_partner"' }],
    });
  });

  it('judges a condition against the schema it is given', () => {
    const withoutSelects: CampaignSchemaStateV1 = { ...CAMPAIGN, selects: [] };
    const condition = { select: 'select_partner', op: 'empty' };
    expect(validateCondition(condition, CAMPAIGN).ok).toBe(true);
    expect(validateCondition(condition, withoutSelects).ok).toBe(false);
  });

  it('refuses $-operators and JSON that only looks like a condition', () => {
    for (const input of ['{"$where":"1"}', '{"field":"name","op":"eq","value":{"$regex":".*"}}', '[]', '"x"', 'null']) {
      expect(validateCondition(JSON.parse(input), CAMPAIGN).ok).toBe(false);
    }
  });
});

describe('assertValidCondition', () => {
  it('returns the normalized condition or throws with the errors', () => {
    expect(assertValidCondition({ status: 'won', op: 'eq' }, CAMPAIGN)).toEqual({ status: 'won', op: 'eq' });
    expect(() => assertValidCondition({ status: 'archived', op: 'eq' }, CAMPAIGN)).toThrow(InvalidFilterError);
  });
});
