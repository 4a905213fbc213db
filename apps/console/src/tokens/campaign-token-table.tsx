import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { fieldAccessSummary } from './field-access-model';
import { formatDay, formatMoment, permissionsLabel, statusLabel } from './token-format';
import type { Token } from './token-queries';
import { TokenRowActions, type TokenAction } from './token-row-actions';

export interface CampaignTokenTableProps {
  tokens: Token[];
  /** Filter names by id (a filter the list cannot name shows its id). */
  filterNames: ReadonlyMap<string, string>;
  actions: readonly TokenAction[];
  onAction: (action: TokenAction, token: Token) => void;
}

/** The campaign's partner tokens: what each may do, on which leads and fields, since and until when. */
export function CampaignTokenTable({ tokens, filterNames, actions, onAction }: CampaignTokenTableProps) {
  return (
    <Table aria-label="Campaign API tokens" className="table token-table">
      <TableHeader>
        <Column isRowHeader>Name</Column>
        <Column>Permissions</Column>
        <Column>Campaign filter</Column>
        <Column>Field access</Column>
        <Column>Created</Column>
        <Column>Expires</Column>
        <Column>Last used</Column>
        <Column>Status</Column>
        <Column>Actions</Column>
      </TableHeader>
      <TableBody items={tokens} renderEmptyState={() => 'No API tokens for this campaign yet.'}>
        {(token) => (
          <Row id={token.id}>
            <Cell>{token.name}</Cell>
            <Cell>{permissionsLabel(token.permissions)}</Cell>
            <Cell>
              {token.filter_id ? (filterNames.get(token.filter_id) ?? token.filter_id) : 'None: the whole campaign'}
            </Cell>
            <Cell>{fieldAccessSummary(token.field_access)}</Cell>
            <Cell>{formatDay(token.created_at)}</Cell>
            <Cell>{formatDay(token.expires_at)}</Cell>
            <Cell>{formatMoment(token.last_used_at)}</Cell>
            <Cell>
              <span className={`token-status token-status-${token.status}`}>{statusLabel(token.status)}</span>
            </Cell>
            <Cell>
              <TokenRowActions token={token} actions={actions} onAction={onAction} />
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
