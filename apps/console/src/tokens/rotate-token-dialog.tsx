import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { TextField } from '@console/ui/text-field';
import { gracePeriodProblem, MAX_GRACE_PERIOD_SECONDS } from './token-form-model';
import { useRotateToken, type Token } from './token-queries';
import { TokenSecret } from './token-secret';

const FIELDS = ['grace_period_seconds'] as const;

/**
 * **Rotate**: a new secret (and a new documentation link) for the token, shown once. The old secret
 * keeps working for the grace period, so a partner can switch without an outage.
 */
export function RotateTokenDialog({ token, onClose }: { token: Token; onClose: () => void }) {
  const rotate = useRotateToken(token.id);
  const [grace, setGrace] = useState('0');
  const close = () => {
    rotate.reset();
    onClose();
  };
  const rotated = rotate.data;
  const validationErrors = validationErrorsOf(rotate.error, FIELDS);
  return (
    <ModalDialog title={`Rotate “${token.name}”`} isOpen onClose={close} isDismissable={!rotated}>
      {rotated ? (
        <TokenSecret
          token={rotated}
          message="The token has a new secret. Give it to whoever uses the token; the old one stops after the grace period."
          onDone={close}
        />
      ) : (
        <Form
          validationErrors={validationErrors}
          onSubmit={(event) => {
            event.preventDefault();
            rotate.mutate({ grace_period_seconds: grace.trim() === '' ? 0 : Number(grace) });
          }}
        >
          <TextField
            label="Grace period (seconds)"
            name="grace_period_seconds"
            inputMode="numeric"
            value={grace}
            onChange={setGrace}
            validate={gracePeriodProblem}
            description={`How long the old secret keeps working, 0 to ${MAX_GRACE_PERIOD_SECONDS} (7 days). 0: it stops at once.`}
          />
          <ProblemAlert error={rotate.error} shownPaths={FIELDS} />
          <div className="form-actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={rotate.isPending}>
              Rotate
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
