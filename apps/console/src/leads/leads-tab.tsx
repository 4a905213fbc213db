import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useCampaign, type Campaign } from '@console/campaigns/campaign-queries';
import { Button } from '@console/ui/button';
import { QueryState } from '@console/ui/query-state';
import { LeadFilters } from './lead-filters';
import { filterFromSearch, filterToSearch, type LeadListFilter } from './lead-list-query';
import { useLeadsPage } from './lead-queries';
import { LeadsTable } from './leads-table';

/** The campaign's leads as the partner data API lists them, filtered by status and selects. */
export function LeadsTab() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  return (
    <>
      <h2>Leads</h2>
      <QueryState query={campaign}>{(data) => <LeadsList campaign={data} />}</QueryState>
    </>
  );
}

function LeadsList({ campaign }: { campaign: Campaign }) {
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search, campaign);
  const filterKey = filterToSearch(filter).toString();
  return (
    <>
      <LeadFilters campaign={campaign} filter={filter} onChange={(next) => setSearch(filterToSearch(next))} />
      {/* A new filter starts again at the first page. */}
      <LeadPages key={filterKey} campaign={campaign} filter={filter} />
    </>
  );
}

/** Cursor paging: the cursors of the pages before this one, so Previous page goes back. */
function LeadPages({ campaign, filter }: { campaign: Campaign; filter: LeadListFilter }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const page = useLeadsPage(campaign.id, filter, cursor);
  return (
    <QueryState query={page}>
      {(data) => (
        <>
          <LeadsTable campaign={campaign} leads={data.data} />
          <div className="pager">
            <Button isDisabled={cursors.length === 1} onPress={() => setCursors(cursors.slice(0, -1))}>
              Previous page
            </Button>
            <span role="status">
              Page {cursors.length}
              {page.isFetching ? ' (loading…)' : ''}
            </span>
            <Button
              isDisabled={!data.next_cursor || page.isPlaceholderData}
              onPress={() => data.next_cursor && setCursors([...cursors, data.next_cursor])}
            >
              Next page
            </Button>
          </div>
        </>
      )}
    </QueryState>
  );
}
