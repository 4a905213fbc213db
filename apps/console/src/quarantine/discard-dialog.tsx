import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert } from '@console/ui/problem-alert';
import { bodyPreview } from './body-preview';
import { useDiscard, type QuarantinedPost } from './quarantine-queries';

/** Discarding drops the post for good, so it is confirmed first. */
export function DiscardDialog({ post, onClose }: { post: QuarantinedPost | null; onClose: () => void }) {
  const discard = useDiscard();
  const close = () => {
    discard.reset();
    onClose();
  };
  return (
    <ModalDialog title="Discard this post?" isOpen={post !== null} onClose={close}>
      {post && (
        <>
          <p>
            The post received {new Date(post.received_at).toLocaleString()} is dropped for good: no lead is made from
            it, and its place in the quarantine is freed.
          </p>
          <code className="body-preview">{bodyPreview(post.body)}</code>
          <ProblemAlert error={discard.error} />
          <div className="form-actions">
            <Button onPress={close}>Cancel</Button>
            <Button
              variant="danger"
              isPending={discard.isPending}
              onPress={() => discard.mutate(post.id, { onSuccess: close })}
            >
              Discard
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
