import { Cell, Column, Link, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { Campaign } from '@console/campaigns/campaign-queries';
import { EMPTY, fieldText, labelOf, timeText } from './lead-display';
import type { Lead } from './lead-types';

interface LeadColumn {
  id: string;
  name: string;
  text: (lead: Lead) => string;
}

/** The campaign's fields, then its selects, the status and when the lead came in. */
function columnsOf(campaign: Campaign): LeadColumn[] {
  return [
    ...campaign.fields.map((field) => ({
      id: `field:${field.key}`,
      name: field.label,
      text: (lead: Lead) => fieldText(lead.fields[field.key]),
    })),
    ...campaign.selects.map((select) => ({
      id: `select:${select.key}`,
      name: select.label,
      text: (lead: Lead) =>
        labelOf(
          select.options,
          (option) => option.value,
          (option) => option.label,
          lead.select_field_values[select.key],
        ),
    })),
    {
      id: 'status',
      name: 'Status',
      text: (lead: Lead) =>
        labelOf(
          campaign.statuses,
          (status) => status.slug,
          (status) => status.label,
          lead.status,
        ),
    },
    { id: 'created', name: 'Created', text: (lead: Lead) => timeText(lead.created_at) },
  ];
}

/** One page of leads; the first column links to each lead's page. */
export function LeadsTable({ campaign, leads }: { campaign: Campaign; leads: Lead[] }) {
  const columns = columnsOf(campaign);
  const [first] = columns;
  return (
    <div className="table-scroll" role="region" aria-label="Leads table" tabIndex={0}>
      <Table aria-label="Leads" className="table leads-table">
        <TableHeader columns={columns}>
          {(column) => <Column isRowHeader={column === first}>{column.name}</Column>}
        </TableHeader>
        <TableBody items={leads} renderEmptyState={() => 'No leads match.'}>
          {(lead) => (
            <Row id={lead.id} columns={columns}>
              {(column) => (
                <Cell>
                  {column === first ? (
                    <Link href={`/campaigns/${campaign.id}/leads/${lead.id}`}>
                      {column.text(lead) === EMPTY ? lead.id : column.text(lead)}
                    </Link>
                  ) : (
                    column.text(lead)
                  )}
                </Cell>
              )}
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
