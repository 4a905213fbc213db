import { CampaignSchemaStateV1 } from '@leadgate/contracts';
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
