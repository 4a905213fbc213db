import { readTarget, StoredLead } from './stored-lead';

const lead: StoredLead = {
  _id: 'l1',
  fields: { name: 'Jane', budget: 0 },
  select_field_values: { select_partner: 'SELECT_PARTNER' },
  status: 'new',
  created_at: '2024-05-01T00:00:00.000Z',
  updated_at: '2024-05-02T00:00:00.000Z',
};

describe('readTarget', () => {
  it('reads fields, selects, status and timestamps', () => {
    expect(readTarget(lead, { kind: 'field', key: 'name' })).toBe('Jane');
    expect(readTarget(lead, { kind: 'field', key: 'budget' })).toBe(0);
    expect(readTarget(lead, { kind: 'select', key: 'select_partner' })).toBe('SELECT_PARTNER');
    expect(readTarget(lead, { kind: 'status' })).toBe('new');
    expect(readTarget(lead, { kind: 'created_at' })).toBe('2024-05-01T00:00:00.000Z');
    expect(readTarget(lead, { kind: 'updated_at' })).toBe('2024-05-02T00:00:00.000Z');
  });

  it('gives undefined for missing values and missing containers', () => {
    expect(readTarget(lead, { kind: 'field', key: 'email' })).toBeUndefined();
    expect(readTarget({}, { kind: 'field', key: 'name' })).toBeUndefined();
    expect(readTarget({ fields: null } as unknown as StoredLead, { kind: 'field', key: 'name' })).toBeUndefined();
    expect(readTarget({}, { kind: 'status' })).toBeUndefined();
  });

  it('never reads inherited properties', () => {
    expect(readTarget(lead, { kind: 'field', key: 'constructor' })).toBeUndefined();
    expect(readTarget(lead, { kind: 'select', key: 'toString' })).toBeUndefined();
    expect(readTarget({ fields: { constructor: 'c' } }, { kind: 'field', key: 'constructor' })).toBe('c');
  });
});
