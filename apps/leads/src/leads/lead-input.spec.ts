import { campaignFixture } from '@leadgate/contracts/testing';
import { fieldValueProblem, missingRequired, parseLeadInput } from './lead-input';

// The shared test campaign, narrowed to what these cases are about: name (required), e-mail and a
// number field, the partner's select, one status ('won' is then unknown) and the installer relation.
const schema = campaignFixture({ fields: ['name', 'email', 'rooms'], selects: ['select_partner'], statuses: ['new'] });

describe('parseLeadInput', () => {
  it('accepts a body that fits the schema', () => {
    const body = {
      fields: { name: 'Jane', email: 'jane@example.com', rooms: 12.5 },
      select_field_values: { select_partner: 'SELECT_PARTNER' },
      status: 'new',
      relations: { relation_installer: 'inst_1' },
    };
    expect(parseLeadInput(body, schema, 'create')).toEqual({ ok: true, input: body });
  });

  it('lists one problem per bad value', () => {
    const result = parseLeadInput(
      {
        fields: { name: 7, email: 'nope', unknown: 'x' },
        select_field_values: { select_partner: 'OTHER', other: 'X' },
        status: 'won',
        relations: { relation_installer: 'inst_9' },
        extra: true,
      },
      schema,
      'create',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path).sort()).toEqual(
      [
        'extra',
        'fields.email',
        'fields.name',
        'fields.unknown',
        'relations.relation_installer',
        'select_field_values.other',
        'select_field_values.select_partner',
        'status',
      ].sort(),
    );
  });

  it('lets only an update clear a value with null', () => {
    expect(parseLeadInput({ fields: { email: null } }, schema, 'update')).toEqual({
      ok: true,
      input: { fields: { email: null }, select_field_values: {}, relations: {} },
    });
    expect(parseLeadInput({ fields: { email: null } }, schema, 'create').ok).toBe(false);
  });

  it('refuses operator-shaped values as data of the wrong type', () => {
    expect(parseLeadInput({ fields: { name: { $ne: null } } }, schema, 'create').ok).toBe(false);
    expect(parseLeadInput({ select_field_values: { select_partner: { $gt: '' } } }, schema, 'create').ok).toBe(false);
  });
});

describe('fieldValueProblem', () => {
  it.each([
    ['email', 'a@b.dk', true],
    ['email', 'a@b', false],
    ['phone', '+4512345678', true],
    ['phone', 'call me', false],
    ['url', 'https://example.com/x', true],
    ['url', 'javascript:alert(1)', false],
    ['date', '2026-02-28', true],
    ['date', '2026-02-30', false],
    ['number', Number.NaN, false],
    ['boolean', 'true', false],
  ] as const)('%s %p valid: %p', (type, value, valid) => {
    expect(fieldValueProblem(type, value) === null).toBe(valid);
  });
});

describe('missingRequired', () => {
  it('names required fields that are absent, null or empty', () => {
    expect(missingRequired(schema, {})).toEqual([{ path: 'fields.name', message: 'is required' }]);
    expect(missingRequired(schema, { name: '' })).toHaveLength(1);
    expect(missingRequired(schema, { name: 'x' })).toEqual([]);
  });
});
