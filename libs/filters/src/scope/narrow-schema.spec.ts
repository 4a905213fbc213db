import { CAMPAIGN } from '@leadgate/filters/testing/campaign-fixture';
import { narrowSchema } from './narrow-schema';

const optionsOf = (schema: typeof CAMPAIGN, key: string) =>
  schema.selects.find((select) => select.key === key)?.options.map((option) => option.value);
const slugsOf = (schema: typeof CAMPAIGN) => schema.statuses.map((status) => status.slug);
const defaultOf = (schema: typeof CAMPAIGN) => schema.statuses.filter((status) => status.is_default).map((s) => s.slug);

describe('narrowSchema', () => {
  it('returns the schema unchanged without a filter', () => {
    expect(narrowSchema(CAMPAIGN, null)).toEqual(CAMPAIGN);
  });

  it('shows a select pinned by eq with that option only (API.md §3)', () => {
    const narrowed = narrowSchema(CAMPAIGN, {
      all: [
        { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
        {
          any: [
            { status: 'new', op: 'eq' },
            { field: 'postcode', op: 'in', value: ['8000'] },
          ],
        },
      ],
    });
    expect(narrowed.selects[0]).toEqual({
      key: 'select_partner',
      label: 'Source',
      options: [{ value: 'SELECT_PARTNER', label: 'Partner ABC' }],
    });
    expect(narrowed.selects[1]).toEqual(CAMPAIGN.selects[1]);
    expect(narrowed.statuses).toEqual(CAMPAIGN.statuses); // the status test is under any
    expect(narrowed.fields).toEqual(CAMPAIGN.fields);
    expect(narrowed.relations).toEqual(CAMPAIGN.relations);
  });

  it('narrows a select to the values of an in, keeping the schema order', () => {
    const narrowed = narrowSchema(CAMPAIGN, {
      all: [{ select: 'select_partner', op: 'in', value: ['VENDOR_SOUTH', 'SELECT_PARTNER'] }],
    });
    expect(optionsOf(narrowed, 'select_partner')).toEqual(['SELECT_PARTNER', 'VENDOR_SOUTH']);
  });

  it('intersects several constraints on one select', () => {
    const narrowed = narrowSchema(CAMPAIGN, {
      all: [
        { select: 'select_partner', op: 'in', value: ['VENDOR_SOUTH', 'SELECT_PARTNER'] },
        { select: 'select_partner', op: 'in', value: ['VENDOR_NORTH', 'VENDOR_SOUTH'] },
      ],
    });
    expect(optionsOf(narrowed, 'select_partner')).toEqual(['VENDOR_SOUTH']);
  });

  it('leaves selects alone for neq, nin, empty and tests under any or not', () => {
    const narrowed = narrowSchema(CAMPAIGN, {
      all: [
        { select: 'select_partner', op: 'neq', value: 'VENDOR_SOUTH' },
        { select: 'select_partner', op: 'nin', value: ['VENDOR_NORTH'] },
        { select: 'select_region', op: 'not_empty' },
        { not: { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' } },
      ],
    });
    expect(narrowed).toEqual(CAMPAIGN);
  });

  it('narrows statuses by eq (both forms) and in; the pinned status becomes the default', () => {
    expect(slugsOf(narrowSchema(CAMPAIGN, { status: 'won', op: 'eq' }))).toEqual(['won']);
    expect(defaultOf(narrowSchema(CAMPAIGN, { status: 'won', op: 'eq' }))).toEqual(['won']);
    expect(slugsOf(narrowSchema(CAMPAIGN, { all: [{ status: true, op: 'eq', value: 'lost' }] }))).toEqual(['lost']);
    const listed = narrowSchema(CAMPAIGN, { all: [{ status: true, op: 'in', value: ['lost', 'new'] }] });
    expect(slugsOf(listed)).toEqual(['new', 'lost']);
    expect(defaultOf(listed)).toEqual(['new']); // the campaign default is still there
  });

  it('makes the first remaining status by order the default when the default is narrowed away', () => {
    const narrowed = narrowSchema(CAMPAIGN, { all: [{ status: true, op: 'in', value: ['lost', 'won'] }] });
    expect(narrowed.statuses).toEqual([
      { slug: 'won', label: 'Won', is_default: true, order: 1 },
      { slug: 'lost', label: 'Lost', is_default: false, order: 2 },
    ]);
  });

  it('leaves nothing to choose when the filter contradicts itself', () => {
    const narrowed = narrowSchema(CAMPAIGN, {
      all: [
        { status: 'won', op: 'eq' },
        { status: 'lost', op: 'eq' },
        { select: 'select_region', op: 'in', value: ['NORTH'] },
        { select: 'select_region', op: 'neq', value: 'NORTH' },
      ],
    });
    expect(narrowed.statuses).toEqual([]);
    expect(optionsOf(narrowed, 'select_region')).toEqual(['NORTH']); // neq does not narrow
  });

  it('does not change the schema it was given', () => {
    const before = structuredClone(CAMPAIGN);
    narrowSchema(CAMPAIGN, {
      all: [
        { status: true, op: 'in', value: ['won'] },
        { select: 'select_partner', op: 'empty' },
      ],
    });
    expect(CAMPAIGN).toEqual(before);
  });
});
