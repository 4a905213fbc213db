import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { PageHeader } from '@console/ui/page-header';
import { QueryState } from '@console/ui/query-state';
import { actionText, actorKindText, targetText } from './audit-text';
import { useAuditLog, type AuditEntry } from './audit-queries';

/** Every change made in the account (API.md §11), newest first. Needs `audit:read`. */
export function AuditPage() {
  const canRead = useCan('audit:read');
  return (
    <>
      <PageHeader title="Audit log" />
      {canRead ? (
        <AuditLog />
      ) : (
        <p>Your role cannot read the audit log. Owners, admins and viewers can; ask one of them.</p>
      )}
    </>
  );
}

function AuditLog() {
  const log = useAuditLog();
  return (
    <QueryState query={log}>
      {(data) => (
        <>
          <AuditTable entries={data.pages.flatMap((page) => page.data)} />
          <div className="pager">
            {log.hasNextPage && (
              <Button isPending={log.isFetchingNextPage} onPress={() => void log.fetchNextPage()}>
                Load more
              </Button>
            )}
            <span role="status">
              {log.isFetchingNextPage ? 'Loading…' : log.hasNextPage ? '' : 'That is the whole log.'}
            </span>
          </div>
        </>
      )}
    </QueryState>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table aria-label="Audit log" className="table audit-table">
      <TableHeader>
        <Column isRowHeader>When</Column>
        <Column>Who</Column>
        <Column>Action</Column>
        <Column>Target</Column>
        <Column>Request id</Column>
        <Column>Address</Column>
      </TableHeader>
      <TableBody items={entries} renderEmptyState={() => 'Nothing has been changed in this account yet.'}>
        {(entry) => (
          <Row id={entry.id}>
            <Cell>{new Date(entry.at).toLocaleString()}</Cell>
            <Cell>
              <span className="actor-name">{entry.actor.name ?? entry.actor.id}</span>
              <span className="muted">
                {' '}
                {actorKindText(entry.actor.kind)} <span className="mono">{entry.actor.id}</span>
              </span>
            </Cell>
            <Cell>{actionText(entry.action)}</Cell>
            <Cell className="mono">{targetText(entry.target)}</Cell>
            <Cell className="mono">{entry.request_id ?? '—'}</Cell>
            <Cell className="mono">{entry.client_ip ?? '—'}</Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
