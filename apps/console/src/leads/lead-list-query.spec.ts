import { describe, expect, it } from '@jest/globals';
import { filterFromSearch, filterToSearch, isFiltered, leadListPath, LEADS_PER_PAGE } from './lead-list-query';

const schema = {
  statuses: [{ slug: 'new' }, { slug: 'won' }],
  selects: [
    { key: 'select_partner', options: [{ value: 'SELECT_PARTNER' }, { value: 'VENDOR_NORTH' }] },
    { key: 'heating', options: [{ value: 'OIL' }] },
  ],
};

describe('lead list query', () => {
  it('reads the status and the selects from the address, in the API names', () => {
    const filter = filterFromSearch(new URLSearchParams('status=won&select.heating=OIL'), schema);
    expect(filter).toEqual({ status: 'won', selects: { heating: 'OIL' } });
    expect(isFiltered(filter)).toBe(true);
  });

  it('drops what the campaign does not have (the API would answer 400)', () => {
    const filter = filterFromSearch(
      new URLSearchParams('status=gone&select.heating=COAL&select.unknown=X&limit=9&cursor=abc'),
      schema,
    );
    expect(filter).toEqual({ status: null, selects: {} });
    expect(isFiltered(filter)).toBe(false);
  });

  it('writes the filter back with the selects in key order', () => {
    const search = filterToSearch({ status: 'new', selects: { select_partner: 'VENDOR_NORTH', heating: 'OIL' } });
    expect(search.toString()).toBe('status=new&select.heating=OIL&select.select_partner=VENDOR_NORTH');
  });

  it('builds the list call with the limit and, past the first page, the cursor', () => {
    const filter = { status: 'won', selects: { select_partner: 'SELECT_PARTNER' } };
    expect(leadListPath('cmp/1', filter, null)).toBe(
      `/v1/campaigns/cmp%2F1/leads?status=won&select.select_partner=SELECT_PARTNER&limit=${LEADS_PER_PAGE}`,
    );
    expect(leadListPath('cmp_1', { status: null, selects: {} }, 'c+/=')).toBe(
      `/v1/campaigns/cmp_1/leads?limit=${LEADS_PER_PAGE}&cursor=c%2B%2F%3D`,
    );
  });
});
