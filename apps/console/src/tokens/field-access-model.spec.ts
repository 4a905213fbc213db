import { describe, expect, it } from '@jest/globals';
import {
  accessFromChoices,
  choicesFromAccess,
  choiceOptions,
  disabledReason,
  fieldAccessErrors,
  fieldAccessSummary,
  fitChoices,
  type SchemaField,
} from './field-access-model';

const FIELDS: SchemaField[] = [
  { key: 'name', label: 'Name', type: 'text', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: false },
  { key: 'phone', label: 'Phone', type: 'phone', required: false },
  { key: 'rooms', label: 'Rooms', type: 'number', required: false },
];
const [NAME, EMAIL, , ROOMS] = FIELDS as [SchemaField, SchemaField, SchemaField, SchemaField];

const offered = (field: SchemaField, writes: boolean) =>
  choiceOptions(field, writes).map((option) => `${option.label}${option.isDisabled ? ' (disabled)' : ''}`);

describe('the choices of one field', () => {
  it('offers Masked only for a text-like type', () => {
    expect(offered(EMAIL, true)).toEqual(['Full', 'Masked', 'Read-only', 'Hidden']);
    expect(offered(ROOMS, true)).toEqual(['Full', 'Read-only', 'Hidden']);
  });

  it('disables Hidden and Read-only of a required field for a token that writes, with a reason', () => {
    expect(offered(NAME, true)).toEqual(['Full', 'Masked', 'Read-only (disabled)', 'Hidden (disabled)']);
    expect(disabledReason(NAME, true)).toMatch(/cannot be hidden or read-only/);
    expect(offered(NAME, false)).toEqual(['Full', 'Masked', 'Read-only', 'Hidden']);
    expect(disabledReason(NAME, false)).toBeUndefined();
    expect(disabledReason(EMAIL, true)).toBeUndefined();
  });
});

describe('choices and the field_access body', () => {
  it('sends each non-full choice in its list, sorted, and only fields of the campaign', () => {
    expect(
      accessFromChoices(FIELDS, { phone: 'hidden', email: 'masked', rooms: 'hidden', name: 'full', gone: 'hidden' }),
    ).toEqual({ hidden: ['phone', 'rooms'], masked: ['email'], read_only: [] });
    expect(accessFromChoices(FIELDS, {})).toEqual({ hidden: [], masked: [], read_only: [] });
  });

  it('reads a token’s field access back into the same choices (none or null: all Full)', () => {
    const access = { hidden: ['phone'], masked: ['email'], read_only: ['rooms'] };
    const choices = choicesFromAccess(FIELDS, access);
    expect(choices).toEqual({ phone: 'hidden', email: 'masked', rooms: 'read_only' });
    expect(accessFromChoices(FIELDS, choices)).toEqual(access);
    expect(choicesFromAccess(FIELDS, null)).toEqual({});
  });

  it('puts a required field back to Full when the token starts writing, and leaves the rest', () => {
    const choices = { name: 'hidden', email: 'read_only', phone: 'masked' } as const;
    expect(fitChoices(FIELDS, choices, true)).toEqual({ email: 'read_only', phone: 'masked' });
    expect(fitChoices(FIELDS, { name: 'masked' }, true)).toEqual({ name: 'masked' });
    expect(fitChoices(FIELDS, choices, false)).toEqual(choices);
  });
});

describe('the token list’s summary', () => {
  it('counts each kind, and says so when every field is in full', () => {
    expect(fieldAccessSummary({ hidden: ['a', 'b'], masked: ['c'], read_only: [] })).toBe('2 hidden, 1 masked');
    expect(fieldAccessSummary({ hidden: [], masked: [], read_only: ['d'] })).toBe('1 read-only');
    expect(fieldAccessSummary({ hidden: [], masked: [], read_only: [] })).toBe('All fields in full');
    expect(fieldAccessSummary(null)).toBe('All fields in full');
  });
});

describe('the API’s field-access errors, placed', () => {
  const sent = { hidden: ['name', 'phone'], masked: ['rooms'], read_only: [] };

  it('puts a message beside the field its path names in the list that was sent', () => {
    expect(
      fieldAccessErrors(
        [
          { path: 'field_access.hidden.0', message: '"name" is required' },
          { path: 'field_access.masked.0', message: 'a number field cannot be masked' },
          { path: 'name', message: 'too long' },
        ],
        sent,
      ),
    ).toEqual({
      byKey: { name: '"name" is required', rooms: 'a number field cannot be masked' },
      others: [],
    });
  });

  it('keeps together what names no field sent: the set as a whole, an index beyond the list', () => {
    expect(
      fieldAccessErrors(
        [
          { path: 'field_access', message: 'only campaign tokens have field access' },
          { path: 'field_access.read_only.3', message: 'no such field' },
        ],
        sent,
      ).others,
    ).toEqual(['only campaign tokens have field access', 'no such field']);
    expect(fieldAccessErrors([{ path: 'field_access.hidden.0', message: 'x' }], undefined).others).toEqual(['x']);
  });

  it('joins two messages about one field', () => {
    expect(
      fieldAccessErrors(
        [
          { path: 'field_access.hidden.1', message: 'one.' },
          { path: 'field_access.hidden.1', message: 'two.' },
        ],
        sent,
      ).byKey,
    ).toEqual({ phone: 'one. two.' });
  });
});
