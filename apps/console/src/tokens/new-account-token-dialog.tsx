import { useSession } from '@console/session/session';
import { ModalDialog } from '@console/ui/modal-dialog';
import { QueryState } from '@console/ui/query-state';
import { AccountTokenForm } from './account-token-form';
import { useScopeCatalogue } from '@console/session/scope-catalogue';
import { useCreateAccountToken } from './token-queries';
import { TokenSecret } from './token-secret';

/** **New API token** for the account (an integration): the form, then its token once. */
export function NewAccountTokenDialog({ onClose }: { onClose: () => void }) {
  const catalogue = useScopeCatalogue();
  const held = useSession().data?.scopes ?? [];
  const create = useCreateAccountToken();
  const close = () => {
    create.reset();
    onClose();
  };
  const created = create.data;
  return (
    <ModalDialog
      title={created ? 'API token created' : 'New API token'}
      isOpen
      onClose={close}
      isDismissable={!created}
    >
      {created ? (
        <TokenSecret
          token={created}
          message={`The API token “${created.name}” is ready, with the scopes ${created.scopes.join(' ')}.`}
          onDone={close}
        />
      ) : (
        <QueryState query={catalogue}>
          {(data) => <AccountTokenForm catalogue={data} heldScopes={held} create={create} onCancel={close} />}
        </QueryState>
      )}
    </ModalDialog>
  );
}
