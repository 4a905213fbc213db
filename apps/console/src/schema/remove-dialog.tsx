import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert } from '@console/ui/problem-alert';
import { useRemove, type RemovableTarget } from './schema-calls';

export interface RemoveDialogProps {
  /** What is removed, as a person reads it: `the field “Postcode”`. */
  what: string;
  target: RemovableTarget;
  onClose: () => void;
  /** What else stops working once it is gone, besides the filter rule every removal shares. */
  children?: ReactNode;
}

/**
 * **Remove**, confirmed. Before, it says what breaks; after a refusal (a filter naming the piece,
 * the default status) it shows the API's own words, and nothing has changed.
 */
export function RemoveDialog({ what, target, onClose, children }: RemoveDialogProps) {
  const { campaignId = '' } = useParams();
  const remove = useRemove(campaignId, target);
  return (
    <ModalDialog title={`Remove ${what}?`} isOpen onClose={onClose}>
      {children}
      <p>
        Tokens&apos; documentation and schema stop offering it at once. A filter that names it blocks the removal: the
        API refuses and names the filter, and you change that filter first.
      </p>
      <ProblemAlert error={remove.error} />
      <div className="form-actions">
        <Button autoFocus onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          isPending={remove.isPending}
          onPress={() => remove.mutate(undefined, { onSuccess: onClose })}
        >
          Remove
        </Button>
      </div>
    </ModalDialog>
  );
}
