import { useSession } from '@console/session/session';
import { ModalDialog } from '@console/ui/modal-dialog';
import { QueryState } from '@console/ui/query-state';
import { CredentialForm } from './credential-form';
import { offeredScopeGroups } from './credential-model';
import { useScopeCatalogue } from '@console/session/scope-catalogue';
import { useCreateCredential } from './credential-queries';
import { CredentialSecret } from './credential-secret';

/** A new client credential: the form, then its client id and secret once (closed only through Done). */
export function NewCredentialDialog({ onClose }: { onClose: () => void }) {
  const catalogue = useScopeCatalogue();
  const held = useSession().data?.scopes ?? [];
  const create = useCreateCredential();
  const close = () => {
    create.reset();
    onClose();
  };
  const created = create.data;
  return (
    <ModalDialog
      title={created ? 'API credential created' : 'New API credential'}
      isOpen
      onClose={close}
      isDismissable={!created}
    >
      {created ? (
        <CredentialSecret credential={created} onDone={close} />
      ) : (
        <QueryState query={catalogue}>
          {(data) => (
            <CredentialForm groups={offeredScopeGroups(data.scope_groups, held)} create={create} onCancel={close} />
          )}
        </QueryState>
      )}
    </ModalDialog>
  );
}
