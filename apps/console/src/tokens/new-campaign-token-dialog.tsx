import { ModalDialog } from '@console/ui/modal-dialog';
import { CampaignTokenForm } from './campaign-token-form';
import { useCreateCampaignToken } from './token-queries';
import { TokenSecret } from './token-secret';

/**
 * **New API token** for a partner: the form, then its token once. While the token is on screen the
 * dialog closes only through **Done**; closing drops the answer (and the secret with it).
 */
export function NewCampaignTokenDialog({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const create = useCreateCampaignToken(campaignId);
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
        <TokenSecret token={created} message={`The API token “${created.name}” is ready.`} onDone={close} />
      ) : (
        <CampaignTokenForm campaignId={campaignId} create={create} onCancel={close} />
      )}
    </ModalDialog>
  );
}
