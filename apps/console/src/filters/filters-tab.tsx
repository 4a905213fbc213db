import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { type CampaignFilter, useCampaign, useFilters } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { QueryState } from '@console/ui/query-state';
import { FilterEditor } from './filter-editor';
import { FiltersTable } from './filters-table';
import { RemoveFilterDialog } from './remove-filter-dialog';

/**
 * The campaign's filters: the list, and (`?filter=new` or `?filter=<id>`) the builder for a new
 * filter or a change to one, so the builder has an address and the browser's Back leaves it.
 */
export function FiltersTab() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const filters = useFilters(campaignId);
  const canWrite = useCan('campaigns:write');
  const [params, setParams] = useSearchParams();
  const [removing, setRemoving] = useState<CampaignFilter | null>(null);
  const [notice, setNotice] = useState('');
  const editing = canWrite ? params.get('filter') : null;

  const openEditor = (filterId: string | null) => {
    setNotice('');
    setParams(filterId ? { filter: filterId } : {});
  };

  return (
    <QueryState query={campaign}>
      {(campaignData) => (
        <QueryState query={filters}>
          {(list) => {
            if (editing !== null) {
              const filter = editing === 'new' ? null : (list.find((candidate) => candidate.id === editing) ?? null);
              if (editing === 'new' || filter) {
                return (
                  <>
                    <h2>{filter ? `Edit filter “${filter.name}”` : 'New filter'}</h2>
                    <FilterEditor
                      key={filter?.id ?? 'new'}
                      campaign={campaignData}
                      filter={filter}
                      onDone={(saved) => {
                        openEditor(null);
                        setNotice(saved ?? '');
                      }}
                    />
                  </>
                );
              }
            }
            return (
              <>
                <div className="tab-header">
                  <h2>Filters</h2>
                  {canWrite && (
                    <Button variant="primary" onPress={() => openEditor('new')}>
                      New filter
                    </Button>
                  )}
                </div>
                <p role="status" className="tab-notice">
                  {editing !== null ? 'That filter does not exist (any more).' : notice}
                </p>
                <FiltersTable campaign={campaignData} filters={list} canWrite={canWrite} onRemove={setRemoving} />
                <RemoveFilterDialog
                  campaignId={campaignId}
                  filter={removing}
                  onClose={(removed) => {
                    setRemoving(null);
                    if (removed) setNotice(removed);
                  }}
                />
              </>
            );
          }}
        </QueryState>
      )}
    </QueryState>
  );
}
