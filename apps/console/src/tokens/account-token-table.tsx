import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { formatDay, formatMoment, statusLabel } from './token-format';
import type { Token } from './token-queries';
import { TokenRowActions, type TokenAction } from './token-row-actions';

export interface AccountTokenTableProps {
  tokens: Token[];
  /** The actions the signed-in person may take on a token (only on tokens their scopes cover). */
  actionsFor: (token: Token) => readonly TokenAction[];
  onAction: (action: TokenAction, token: Token) => void;
}

/** The account's integration tokens and their scopes. */
export function AccountTokenTable({ tokens, actionsFor, onAction }: AccountTokenTableProps) {
  return (
    <Table aria-label="Account API tokens" className="table token-table">
      <TableHeader>
        <Column isRowHeader>Name</Column>
        <Column>Scopes</Column>
        <Column>Created</Column>
        <Column>Expires</Column>
        <Column>Last used</Column>
        <Column>Status</Column>
        <Column>Actions</Column>
      </TableHeader>
      <TableBody items={tokens} renderEmptyState={() => 'No account API tokens yet.'}>
        {(token) => (
          <Row id={token.id}>
            <Cell>{token.name}</Cell>
            <Cell>
              <ul className="token-scopes">
                {token.scopes.map((scope) => (
                  <li key={scope}>
                    <code>{scope}</code>
                  </li>
                ))}
              </ul>
            </Cell>
            <Cell>{formatDay(token.created_at)}</Cell>
            <Cell>{formatDay(token.expires_at)}</Cell>
            <Cell>{formatMoment(token.last_used_at)}</Cell>
            <Cell>
              <span className={`token-status token-status-${token.status}`}>{statusLabel(token.status)}</span>
            </Cell>
            <Cell>
              <TokenRowActions token={token} actions={actionsFor(token)} onAction={onAction} />
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
