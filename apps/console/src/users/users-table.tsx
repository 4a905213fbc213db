import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { roleLabel } from './roles';
import type { User } from './user-queries';

export interface UsersTableProps {
  users: User[];
  myId: string | undefined;
  /** Whether the signed-in person may change or remove this one (null: no write controls at all). */
  mayManage: ((user: User) => boolean) | null;
  onChangeRole: (user: User) => void;
  onRemove: (user: User) => void;
}

function statusText(user: User): string {
  if (user.status === 'active') return 'Active';
  const until = user.invitation_expires_at
    ? `, link valid until ${new Date(user.invitation_expires_at).toLocaleString()}`
    : '';
  return `Invited, not accepted yet${until}`;
}

/** The account's people: e-mail, role, whether they accepted their invitation, and when added. */
export function UsersTable({ users, myId, mayManage, onChangeRole, onRemove }: UsersTableProps) {
  return (
    <Table aria-label="People" className="table users-table">
      <TableHeader>
        <Column isRowHeader>E-mail</Column>
        <Column>Role</Column>
        <Column>Status</Column>
        <Column>Added</Column>
        {mayManage ? <Column>Actions</Column> : null}
      </TableHeader>
      <TableBody items={users} renderEmptyState={() => 'No people yet.'}>
        {(user) => (
          <Row id={user.id}>
            <Cell>
              {user.email}
              {user.id === myId && <span className="muted"> (you)</span>}
            </Cell>
            <Cell>{roleLabel(user.role)}</Cell>
            <Cell>
              <span className={user.status === 'active' ? 'status-active' : 'status-invited'}>{statusText(user)}</span>
            </Cell>
            <Cell>{new Date(user.created_at).toLocaleDateString()}</Cell>
            {mayManage ? (
              <Cell>
                {mayManage(user) && (
                  <div className="row-actions">
                    <Button onPress={() => onChangeRole(user)}>Change role</Button>
                    <Button variant="danger" onPress={() => onRemove(user)}>
                      Remove
                    </Button>
                  </div>
                )}
              </Cell>
            ) : null}
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
