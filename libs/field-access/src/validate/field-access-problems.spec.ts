import { fieldAccessKeys, fieldAccessProblems, normalizeFieldAccess } from './field-access-problems';

const fields = [
  { key: 'name', label: 'Name', type: 'text' as const, required: true },
  { key: 'email', label: 'E-mail', type: 'email' as const, required: false },
  { key: 'budget', label: 'Budget', type: 'number' as const, required: false },
];
const none = { hidden: [], masked: [], read_only: [] };

describe('fieldAccessProblems', () => {
  it('accepts a set that fits the campaign', () => {
    expect(fieldAccessProblems({ hidden: ['budget'], masked: ['email', 'name'], read_only: [] }, fields, true)).toEqual(
      [],
    );
  });

  it('names unknown keys, repeats and keys in two lists by their path', () => {
    expect(
      fieldAccessProblems({ ...none, hidden: ['nope', 'email', 'email'], read_only: ['email'] }, fields, false),
    ).toEqual([
      { path: 'field_access.hidden.0', message: 'no field "nope" in this campaign' },
      { path: 'field_access.hidden.2', message: '"email" is listed twice' },
      { path: 'field_access.read_only.0', message: '"email" is already hidden; a field has one access' },
    ]);
  });

  it('refuses a mask on a value that is not text', () => {
    expect(fieldAccessProblems({ ...none, masked: ['budget'] }, fields, false)).toEqual([
      { path: 'field_access.masked.0', message: 'a number field cannot be masked; hide it instead' },
    ]);
  });

  it('refuses a required field hidden or read-only for a token that writes, and allows it for a reader', () => {
    const set = { hidden: ['name'], masked: [], read_only: [] };
    expect(fieldAccessProblems(set, fields, true)).toHaveLength(1);
    expect(fieldAccessProblems({ ...none, read_only: ['name'] }, fields, true)[0]?.path).toBe(
      'field_access.read_only.0',
    );
    expect(fieldAccessProblems(set, fields, false)).toEqual([]);
  });
});

describe('normalizeFieldAccess and fieldAccessKeys', () => {
  it('sort each list without repeats and list every key named', () => {
    const set = normalizeFieldAccess({ hidden: ['b', 'a', 'b'], masked: [], read_only: ['c'] });
    expect(set).toEqual({ hidden: ['a', 'b'], masked: [], read_only: ['c'] });
    expect(fieldAccessKeys(set)).toEqual(['a', 'b', 'c']);
    expect(fieldAccessKeys(null)).toEqual([]);
  });
});
