import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { CredentialEnableButton } from './credential-enable-button';
import { scopeGroupLabel } from './credential-model';
import type { Credential } from './credential-queries';

/** The account's client credentials: what each is for, what it may reach, and whether it works now. */
export function CredentialTable({ credentials, canWrite }: { credentials: Credential[]; canWrite: boolean }) {
  return (
    <Table aria-label="API credentials" className="table credential-table">
      <TableHeader>
        <Column isRowHeader>Description</Column>
        <Column>Client id</Column>
        <Column>Scope groups</Column>
        <Column>Created</Column>
        <Column>Status</Column>
        {canWrite && <Column>Actions</Column>}
      </TableHeader>
      <TableBody items={credentials} renderEmptyState={() => 'No API credentials yet.'}>
        {(credential) => (
          <Row id={credential.id}>
            <Cell>{credential.description || <span className="muted">No description</span>}</Cell>
            <Cell>
              <code>{credential.client_id}</code>
            </Cell>
            <Cell>{credential.scope_groups.map(scopeGroupLabel).join(', ')}</Cell>
            <Cell>{new Date(credential.created_at).toLocaleDateString()}</Cell>
            <Cell>
              <span className={`credential-status credential-status-${credential.enabled ? 'enabled' : 'disabled'}`}>
                {credential.enabled ? 'Enabled' : 'Disabled'}
              </span>
            </Cell>
            {canWrite && (
              <Cell>
                <CredentialEnableButton credential={credential} />
              </Cell>
            )}
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
