import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert } from '@console/ui/problem-alert';
import { useRevokeToken, type Token } from './token-queries';

/** **Revoke**, confirmed: the token stops working everywhere at once, for good. */
export function RevokeTokenDialog({ token, onClose }: { token: Token; onClose: () => void }) {
  const revoke = useRevokeToken(token.id);
  return (
    <ModalDialog title={`Revoke “${token.name}”?`} isOpen onClose={onClose}>
      <p>
        Whoever uses this token loses access at once, everywhere, and its documentation link stops working. This cannot
        be undone.
      </p>
      <ProblemAlert error={revoke.error} />
      <div className="form-actions">
        <Button autoFocus onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          isPending={revoke.isPending}
          onPress={() => revoke.mutate(undefined, { onSuccess: onClose })}
        >
          Revoke
        </Button>
      </div>
    </ModalDialog>
  );
}
