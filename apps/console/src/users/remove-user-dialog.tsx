import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert } from '@console/ui/problem-alert';
import { roleLabel } from './roles';
import { useRemoveUser, type User } from './user-queries';

/** Removing a person ends their access at once, so it is confirmed; the API's 409 (last owner) shows here. */
export function RemoveUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const remove = useRemoveUser();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ModalDialog title="Remove this person?" isOpen={user !== null} onClose={close}>
      {user && (
        <>
          <p>
            <strong>{user.email}</strong> ({roleLabel(user.role)}) loses access to this account at once.
          </p>
          <ProblemAlert error={remove.error} />
          <div className="form-actions">
            <Button onPress={close}>Cancel</Button>
            <Button
              variant="danger"
              isPending={remove.isPending}
              onPress={() => remove.mutate(user.id, { onSuccess: close })}
            >
              Remove
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
