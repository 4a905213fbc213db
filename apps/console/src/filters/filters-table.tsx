import { Cell, Column, Link, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { Campaign, CampaignFilter } from '@console/campaigns/campaign-queries';
import { describeCondition } from '@console/filters/model/condition-summary';
import { Button } from '@console/ui/button';

export interface FiltersTableProps {
  campaign: Campaign;
  filters: CampaignFilter[];
  /** Edit and remove, for people whose role may change the campaign. */
  canWrite: boolean;
  onRemove: (filter: CampaignFilter) => void;
}

/** The campaign's filters, each condition said in the campaign's words. */
export function FiltersTable({ campaign, filters, canWrite, onRemove }: FiltersTableProps) {
  return (
    <Table aria-label="Filters" className="table filters-table">
      <TableHeader>
        <Column isRowHeader>Name</Column>
        <Column>Condition</Column>
        <Column>Version</Column>
        <Column>Updated</Column>
        {canWrite ? <Column>Actions</Column> : null}
      </TableHeader>
      <TableBody items={filters} renderEmptyState={() => 'No filters yet.'}>
        {(filter) => (
          <Row id={filter.id}>
            <Cell>{filter.name}</Cell>
            <Cell>{describeCondition(filter.condition, campaign)}</Cell>
            <Cell>{filter.version}</Cell>
            <Cell>{new Date(filter.updated_at).toLocaleString()}</Cell>
            {canWrite ? (
              <Cell>
                <div className="row-actions">
                  <Link
                    className="button button-secondary"
                    href={`/campaigns/${campaign.id}/filters?filter=${encodeURIComponent(filter.id)}`}
                    aria-label={`Edit ${filter.name}`}
                  >
                    Edit
                  </Link>
                  <Button variant="danger" aria-label={`Remove ${filter.name}`} onPress={() => onRemove(filter)}>
                    Remove
                  </Button>
                </div>
              </Cell>
            ) : null}
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
