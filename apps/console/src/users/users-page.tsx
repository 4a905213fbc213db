import { useState } from 'react';
import { useCan, useSession } from '@console/session/session';
import { Button } from '@console/ui/button';
import { PageHeader } from '@console/ui/page-header';
import { QueryState } from '@console/ui/query-state';
import { ChangeRoleDialog } from './change-role-dialog';
import { InviteDialog } from './invite-dialog';
import { RemoveUserDialog } from './remove-user-dialog';
import { grantableRoles, mayManage } from './roles';
import { useUsers, type User } from './user-queries';
import { UsersTable } from './users-table';

/** People of the account and their roles (API.md §11). Needs `users:read`; changes need `users:write`. */
export function UsersPage() {
  const canRead = useCan('users:read');
  const canWrite = useCan('users:write');
  const { data: session } = useSession();
  const grantable = canWrite ? grantableRoles(session?.user.role) : [];
  const [inviting, setInviting] = useState(false);
  return (
    <>
      <PageHeader title="Users">
        {canRead && grantable.length > 0 && (
          <Button variant="primary" onPress={() => setInviting(true)}>
            Invite
          </Button>
        )}
      </PageHeader>
      {canRead ? (
        <People myId={session?.user.id} myRole={session?.user.role} canWrite={canWrite && grantable.length > 0} />
      ) : (
        <p>Your role cannot see the account&apos;s people. Owners, admins and viewers can; ask one of them.</p>
      )}
      <InviteDialog isOpen={inviting} onClose={() => setInviting(false)} grantable={grantable} />
    </>
  );
}

function People({ myId, myRole, canWrite }: { myId?: string; myRole?: string; canWrite: boolean }) {
  const users = useUsers();
  const [changing, setChanging] = useState<User | null>(null);
  const [removing, setRemoving] = useState<User | null>(null);
  return (
    <>
      <QueryState query={users}>
        {(data) => (
          <UsersTable
            users={data}
            myId={myId}
            mayManage={canWrite ? (user) => mayManage(myRole, user.role) : null}
            onChangeRole={setChanging}
            onRemove={setRemoving}
          />
        )}
      </QueryState>
      <ChangeRoleDialog user={changing} onClose={() => setChanging(null)} grantable={grantableRoles(myRole)} />
      <RemoveUserDialog user={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
