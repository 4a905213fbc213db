import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { CAMPAIGN } from '@leadgate/contracts/testing';
import { encodeCursor, parseListQuery } from './list-query';

const schema = {
  selects: [{ key: 'select_partner', label: 'S', options: [{ value: 'SELECT_PARTNER', label: 'P' }] }],
  statuses: [{ slug: 'new', label: 'New', is_default: true, order: 0 }],
} as unknown as CampaignSchemaStateV1;

describe('parseListQuery', () => {
  it('turns known parameters into $eq/$gte conditions', () => {
    const cursor = encodeCursor({ bucket: 3, created_at: '2026-11-22T10:00:00.000Z', id: 'ld_1' });
    expect(
      parseListQuery(
        {
          status: 'new',
          'select.select_partner': 'SELECT_PARTNER',
          updated_since: '2026-11-01T00:00:00Z',
          limit: '10',
          cursor,
        },
        schema,
      ),
    ).toEqual({
      ok: true,
      query: {
        conditions: [
          { status: { $eq: 'new' } },
          { 'select_field_values.select_partner': { $eq: 'SELECT_PARTNER' } },
          { updated_at: { $gte: '2026-11-01T00:00:00.000Z' } },
        ],
        limit: 10,
        after: { bucket: 3, created_at: '2026-11-22T10:00:00.000Z', id: 'ld_1' },
      },
    });
  });

  it('answers every unknown or bad parameter, never passing it on', () => {
    const result = parseListQuery(
      {
        'fields.email': 'x',
        $where: '1',
        'select.nope': 'X',
        status: 'won',
        limit: '501',
        cursor: 'junk',
        updated_since: 'yesterday',
      },
      schema,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(7);
    expect(parseListQuery({ status: ['new', 'won'] }, schema).ok).toBe(false);
    expect(parseListQuery({ limit: '0' }, schema).ok).toBe(false);
  });

  it('refuses cursors it did not give out, and reads the (created_at, id) cursors of before list buckets', () => {
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    for (const junk of [[-1, '', ''], [1.5, '', ''], ['1', '', ''], [1, 2, ''], [1, '', '', ''], { bucket: 1 }, 'x'])
      expect(parseListQuery({ cursor: cursorOf(junk) }, schema).ok).toBe(false);
    expect(parseListQuery({ cursor: cursorOf(['2026-11-22T10:00:00.000Z', 'ld_1']) }, schema)).toEqual({
      ok: true,
      query: { conditions: [], limit: 50, after: { bucket: 0, created_at: '2026-11-22T10:00:00.000Z', id: 'ld_1' } },
    });
  });
});

describe('parseListQuery: field.<key>', () => {
  const access = { hidden: ['phone'], masked: ['email'], read_only: ['postcode'] };
  const conditionsOf = (params: Record<string, unknown>, withAccess: typeof access | null = access) => {
    const result = parseListQuery(params, CAMPAIGN, withAccess);
    return result.ok ? result.query.conditions : result.errors;
  };

  it('reads a number as JSON writes it, exponent included, as clients generated from the spec send it', () => {
    expect(conditionsOf({ 'field.rooms': '1e3' })).toEqual([{ 'fields.rooms': { $eq: 1000 } }]);
    expect(conditionsOf({ 'field.rooms': '-2.5E-2' })).toEqual([{ 'fields.rooms': { $eq: -0.025 } }]);
    expect(conditionsOf({ 'field.rooms': '1e999' })).toEqual([{ path: 'field.rooms', message: 'must be a number' }]);
  });

  it('asks for exact equality, the value parsed as the field stores it', () => {
    expect(
      conditionsOf({
        'field.name': 'Jane Doe',
        'field.postcode': '8000',
        'field.rooms': '-4.5',
        'field.consent': 'false',
        'field.visit_on': '2026-01-02',
      }),
    ).toEqual([
      { 'fields.name': { $eq: 'Jane Doe' } },
      { 'fields.postcode': { $eq: '8000' } },
      { 'fields.rooms': { $eq: -4.5 } },
      { 'fields.consent': { $eq: false } },
      { 'fields.visit_on': { $eq: '2026-01-02' } },
    ]);
  });

  it('keeps an operator-looking value a plain value inside $eq', () => {
    expect(conditionsOf({ 'field.name': '{"$ne":null}' })).toEqual([{ 'fields.name': { $eq: '{"$ne":null}' } }]);
  });

  it('refuses a field hidden from the token or masked for it, naming the parameter, never the value', () => {
    const errors = conditionsOf({ 'field.phone': '+4512345678', 'field.email': 'jane@example.com' });
    expect(errors).toEqual([
      { path: 'field.phone', message: 'hidden from this token' },
      { path: 'field.email', message: expect.stringContaining('masked for this token') },
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/12345678|jane@/);
  });

  it('lets a token without field access ask for any field', () => {
    expect(conditionsOf({ 'field.phone': '+4512345678', 'field.email': 'a@b.dk' }, null)).toEqual([
      { 'fields.phone': { $eq: '+4512345678' } },
      { 'fields.email': { $eq: 'a@b.dk' } },
    ]);
  });

  it('refuses unknown fields, badly typed values and repeated parameters', () => {
    const bad: Record<string, unknown> = {
      'field.shoe_size': '42',
      'field.__proto__': 'x',
      'field.': 'x',
      'field.name.first': 'x',
      'field.rooms': '4,5',
      'field.consent': 'yes',
      'field.postcode': ['8000', '8200'],
      'field.notes[$regex]': '.*',
    };
    const errors = conditionsOf(bad);
    expect(Array.isArray(errors) && errors.map((error) => (error as { path: string }).path)).toEqual(Object.keys(bad));
  });
});
