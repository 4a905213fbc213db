import fc from 'fast-check';
import { FIELD_TYPES, FieldAccess } from '@leadgate/contracts';
import { maskValue } from '@leadgate/field-access/mask/mask-value';
import { accessLevel, fieldProjection, unwritableKeys, visibleFields } from './field-projection';

const fields = [
  { key: 'name', type: 'text' as const, label: 'Name', required: true },
  { key: 'email', type: 'email' as const, label: 'E-mail', required: false },
  { key: 'phone', type: 'phone' as const, label: 'Phone', required: false },
  { key: 'postcode', type: 'text' as const, label: 'Postcode', required: false },
];
const access: FieldAccess = { hidden: ['phone'], masked: ['email'], read_only: ['postcode'] };
const lead = {
  id: 'l1',
  fields: { name: 'Jane Doe', email: 'jane@example.com', phone: '+4512345678', postcode: '8000' },
};

describe('fieldProjection', () => {
  it('drops hidden keys, masks masked values and passes the rest unchanged', () => {
    expect(fieldProjection(fields, access).lead(lead)).toEqual({
      id: 'l1',
      fields: { name: 'Jane Doe', email: 'j***@example.com', postcode: '8000' },
    });
  });

  it('is the identity, the same object, for a token without field access', () => {
    expect(fieldProjection(fields, null).lead(lead)).toBe(lead);
    expect(fieldProjection(fields, { hidden: [], masked: [], read_only: [] }).narrowing).toBe(false);
  });

  it('never changes the lead it was given', () => {
    const copy = structuredClone(lead);
    fieldProjection(fields, access).lead(lead);
    expect(lead).toEqual(copy);
  });

  it('property: no hidden key and no masked value in full survives, whatever the schema, lead and access', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
    const schema = fc.uniqueArray(fc.record({ key, type: fc.constantFrom(...FIELD_TYPES) }), {
      selector: (field) => field.key,
      maxLength: 8,
    });
    const scenario = schema.chain((schemaFields) =>
      fc.record({
        schemaFields: fc.constant(schemaFields),
        values: fc.array(fc.string({ minLength: 1, maxLength: 24 }), {
          minLength: schemaFields.length,
          maxLength: schemaFields.length,
        }),
        levels: fc.array(fc.constantFrom('full', 'hidden', 'masked', 'read_only'), {
          minLength: schemaFields.length,
          maxLength: schemaFields.length,
        }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ schemaFields, values, levels }) => {
        const keys = (level: string) => schemaFields.filter((_, i) => levels[i] === level).map((field) => field.key);
        const set = { hidden: keys('hidden'), masked: keys('masked'), read_only: keys('read_only') };
        const stored = Object.fromEntries(schemaFields.map((field, i) => [field.key, `zq${values[i]}`]));
        const read = fieldProjection(schemaFields, set).fields(stored);
        schemaFields.forEach((field, i) => {
          if (levels[i] === 'hidden') expect(Object.hasOwn(read, field.key)).toBe(false);
          else if (levels[i] === 'masked') {
            expect(read[field.key]).toBe(maskValue(field.type, stored[field.key]));
            expect(read[field.key]).not.toBe(stored[field.key]);
          } else expect(read[field.key]).toBe(stored[field.key]);
        });
      }),
    );
  });
});

describe('accessLevel, visibleFields and unwritableKeys', () => {
  it('say what a token may do with each field', () => {
    expect(['name', 'email', 'phone', 'postcode'].map((key) => accessLevel(access, key))).toEqual([
      'full',
      'masked',
      null,
      'read_only',
    ]);
    expect(visibleFields(fields, access).map((field) => [field.key, field.access])).toEqual([
      ['name', 'full'],
      ['email', 'masked'],
      ['postcode', 'read_only'],
    ]);
    expect(unwritableKeys(access, ['email', 'phone', 'name', 'postcode'])).toEqual(['phone', 'postcode']);
    expect(unwritableKeys(null, ['phone'])).toEqual([]);
  });
});
