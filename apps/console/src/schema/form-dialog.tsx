import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';

export interface FormDialogProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  /** The mutation's error: its `errors` show beside the fields named `fieldNames`, the rest above the buttons. */
  error: unknown;
  isPending: boolean;
  /** The form controls' names, equal to the API's error paths (`key`, `options.0.value`). */
  fieldNames: readonly string[];
  children: ReactNode;
}

/** A schema piece's form in a dialog: the fields, what the API refused, **Cancel** and **Save**. */
export function FormDialog({ title, onClose, onSubmit, error, isPending, fieldNames, children }: FormDialogProps) {
  return (
    <ModalDialog title={title} isOpen onClose={onClose}>
      <Form
        validationErrors={validationErrorsOf(error, fieldNames)}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <ProblemAlert error={error} shownPaths={fieldNames} />
        <div className="form-actions">
          <Button onPress={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={isPending}>
            Save
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
