import { pinnedValues } from './pinned-values';

describe('pinnedValues', () => {
  it('takes the select and status equalities of the top all group (API.md §6 example)', () => {
    expect(
      pinnedValues({
        all: [
          { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
          {
            any: [
              { status: 'new', op: 'eq' },
              { field: 'postcode', op: 'in', value: ['8000'] },
            ],
          },
        ],
      }),
    ).toEqual({ select_field_values: { select_partner: 'SELECT_PARTNER' }, status: null });
  });

  it('pins from a root leaf, from both status forms, and from a one-value in', () => {
    expect(pinnedValues({ status: 'won', op: 'eq' })).toEqual({ select_field_values: {}, status: 'won' });
    expect(pinnedValues({ all: [{ status: true, op: 'eq', value: 'lost' }] }).status).toBe('lost');
    expect(pinnedValues({ all: [{ select: 's', op: 'in', value: ['A'] }] }).select_field_values).toEqual({ s: 'A' });
    expect(pinnedValues({ select: 's', op: 'eq', value: 'A' }).select_field_values).toEqual({ s: 'A' });
  });

  it('pins through nested all groups', () => {
    expect(pinnedValues({ all: [{ all: [{ select: 's', op: 'eq', value: 'A' }] }] }).select_field_values).toEqual({
      s: 'A',
    });
  });

  it('does not pin what does not bind every lead to one value', () => {
    const none = { select_field_values: {}, status: null };
    expect(pinnedValues({ any: [{ select: 's', op: 'eq', value: 'A' }] })).toEqual(none);
    expect(pinnedValues({ not: { status: 'won', op: 'eq' } })).toEqual(none);
    expect(pinnedValues({ all: [{ status: 'won', op: 'neq' }] })).toEqual(none);
    expect(pinnedValues({ all: [{ select: 's', op: 'in', value: ['A', 'B'] }] })).toEqual(none);
    expect(pinnedValues({ all: [{ not: { select: 's', op: 'eq', value: 'A' } }] })).toEqual(none);
  });

  it('never pins fields or timestamps', () => {
    expect(
      pinnedValues({
        all: [
          { field: 'postcode', op: 'eq', value: '8000' },
          { created_at: true, op: 'eq', value: '2024-05-01T00:00:00.000Z' },
        ],
      }),
    ).toEqual({ select_field_values: {}, status: null });
  });

  it('keeps the first of two contradicting pins', () => {
    const pinned = pinnedValues({
      all: [
        { select: 's', op: 'eq', value: 'A' },
        { select: 's', op: 'eq', value: 'B' },
        { status: 'new', op: 'eq' },
        { status: 'won', op: 'eq' },
      ],
    });
    expect(pinned).toEqual({ select_field_values: { s: 'A' }, status: 'new' });
  });
});
