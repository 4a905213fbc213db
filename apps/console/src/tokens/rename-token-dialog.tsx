import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { TextField } from '@console/ui/text-field';
import { useUpdateToken, type Token } from './token-queries';

const FIELDS = ['name'] as const;

/** A new **Name** for a token (PATCH /v1/admin/tokens/{id}); its secret and scopes stay as they are. */
export function RenameTokenDialog({ token, onClose }: { token: Token; onClose: () => void }) {
  const update = useUpdateToken(token.id);
  const [name, setName] = useState(token.name);
  const validationErrors = validationErrorsOf(update.error, FIELDS);
  return (
    <ModalDialog title={`Rename “${token.name}”`} isOpen onClose={onClose}>
      <Form
        validationErrors={validationErrors}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ name }, { onSuccess: onClose });
        }}
      >
        <TextField label="Name" name="name" isRequired maxLength={200} autoFocus value={name} onChange={setName} />
        <ProblemAlert error={update.error} shownPaths={FIELDS} />
        <div className="form-actions">
          <Button onPress={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={update.isPending}>
            Save
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
