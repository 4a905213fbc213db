import type { CampaignFilter } from '@console/campaigns/campaign-queries';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert } from '@console/ui/problem-alert';
import { useRemoveFilter } from './filter-queries';

export interface RemoveFilterDialogProps {
  campaignId: string;
  filter: CampaignFilter | null;
  onClose: (removed: string | null) => void;
}

/** Confirms a removal; the API refuses while live tokens use the filter, and says which (shown as it says it). */
export function RemoveFilterDialog({ campaignId, filter, onClose }: RemoveFilterDialogProps) {
  const remove = useRemoveFilter(campaignId);
  const close = () => {
    remove.reset();
    onClose(null);
  };
  return (
    <ModalDialog title="Remove filter" isOpen={filter !== null} onClose={close}>
      <p>
        Remove the filter <strong>{filter?.name}</strong>? A filter that live tokens use cannot be removed: revoke those
        tokens first.
      </p>
      <ProblemAlert error={remove.error} />
      <div className="form-actions">
        <Button onPress={close} autoFocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          isPending={remove.isPending}
          onPress={() =>
            filter &&
            remove.mutate(filter.id, {
              onSuccess: () => {
                remove.reset();
                onClose(`Filter “${filter.name}” removed.`);
              },
            })
          }
        >
          Remove
        </Button>
      </div>
    </ModalDialog>
  );
}
