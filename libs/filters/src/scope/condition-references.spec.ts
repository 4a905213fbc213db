import { conditionReferences, referencesSelect } from './condition-references';

describe('conditionReferences', () => {
  const references = conditionReferences({
    all: [
      { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
      {
        any: [
          { status: 'new', op: 'eq' },
          { field: 'postcode', op: 'in', value: ['8000', '8200'] },
          { not: { select: 'select_partner', op: 'in', value: ['VENDOR_NORTH', 'SELECT_PARTNER'] } },
        ],
      },
      { select: 'select_region', op: 'empty' },
      { status: true, op: 'nin', value: ['won', 'lost'] },
      { field: 'budget', op: 'gt', value: 5 },
      { field: 'postcode', op: 'not_empty' },
      { created_at: true, op: 'gt', value: '2024-05-01T00:00:00.000Z' },
    ],
  });

  it('lists selects with their option values, under any group', () => {
    expect(references.selects).toEqual({
      select_partner: ['SELECT_PARTNER', 'VENDOR_NORTH'],
      select_region: [],
    });
  });

  it('lists statuses from both forms, and fields, once each', () => {
    expect(references.statuses).toEqual(['lost', 'new', 'won']);
    expect(references.fields).toEqual(['budget', 'postcode']);
  });

  it('is empty for a condition on timestamps only', () => {
    expect(conditionReferences({ updated_at: true, op: 'lt', value: '2024-05-01T00:00:00.000Z' })).toEqual({
      selects: {},
      statuses: [],
      fields: [],
    });
  });

  it('answers whether a select or one of its options is in use', () => {
    expect(referencesSelect(references, 'select_partner', 'VENDOR_NORTH')).toBe(true);
    expect(referencesSelect(references, 'select_partner', 'VENDOR_SOUTH')).toBe(false);
    expect(referencesSelect(references, 'select_region')).toBe(true);
    expect(referencesSelect(references, 'select_region', 'NORTH')).toBe(false);
    expect(referencesSelect(references, 'select_other')).toBe(false);
    expect(referencesSelect(references, 'constructor')).toBe(false);
  });
});
