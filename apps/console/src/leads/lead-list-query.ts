/** What the lead list is narrowed to: a status slug and one option per select (API.md §3 query). */
export interface LeadListFilter {
  status: string | null;
  selects: Record<string, string>;
}

interface FilterSchema {
  statuses: readonly { slug: string }[];
  selects: readonly { key: string; options: readonly { value: string }[] }[];
}

export const LEADS_PER_PAGE = 50;

/**
 * The filter kept in the page's address (`?status=won&select.heating=OIL`, the API's own names), so
 * a person can come back to it from a lead. Anything the campaign does not have is dropped: the
 * API would refuse it with 400.
 */
export function filterFromSearch(search: URLSearchParams, schema: FilterSchema): LeadListFilter {
  const status = search.get('status');
  const selects: Record<string, string> = {};
  for (const select of schema.selects) {
    const value = search.get(`select.${select.key}`);
    if (value !== null && select.options.some((option) => option.value === value)) selects[select.key] = value;
  }
  return {
    status: status !== null && schema.statuses.some((known) => known.slug === status) ? status : null,
    selects,
  };
}

/** The filter as query parameters, in the API's names (keys sorted, so equal filters read alike). */
export function filterToSearch(filter: LeadListFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.status) search.set('status', filter.status);
  for (const key of Object.keys(filter.selects).sort()) search.set(`select.${key}`, filter.selects[key]);
  return search;
}

/** The partner data API's list call for one page of the filtered leads. */
export function leadListPath(campaignId: string, filter: LeadListFilter, cursor: string | null): string {
  const search = filterToSearch(filter);
  search.set('limit', String(LEADS_PER_PAGE));
  if (cursor) search.set('cursor', cursor);
  return `/v1/campaigns/${encodeURIComponent(campaignId)}/leads?${search.toString()}`;
}

export function isFiltered(filter: LeadListFilter): boolean {
  return filter.status !== null || Object.keys(filter.selects).length > 0;
}
