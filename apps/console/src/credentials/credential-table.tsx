import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { CredentialEnabledSwitch } from './credential-enabled-switch';
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
        <Column>Enabled</Column>
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
              {canWrite ? (
                <CredentialEnabledSwitch credential={credential} />
              ) : credential.enabled ? (
                'Enabled'
              ) : (
                'Disabled'
              )}
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
