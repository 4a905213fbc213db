import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { SelectField } from '@console/ui/select-field';
import { ROLE_OPTIONS, type Role } from './roles';
import { useChangeRole, type User } from './user-queries';

/** A new role for someone; the API's 409 (the last owner) or 403 is shown in the dialog. */
export function ChangeRoleDialog({
  user,
  onClose,
  grantable,
}: {
  user: User | null;
  onClose: () => void;
  grantable: readonly Role[];
}) {
  return (
    <ModalDialog title="Change role" isOpen={user !== null} onClose={onClose}>
      {/* Keyed by the person, so the form starts from their current role each time. */}
      {user && <ChangeRoleForm key={user.id} user={user} onClose={onClose} grantable={grantable} />}
    </ModalDialog>
  );
}

function ChangeRoleForm({ user, onClose, grantable }: { user: User; onClose: () => void; grantable: readonly Role[] }) {
  const change = useChangeRole();
  const [role, setRole] = useState<string | null>(user.role);
  return (
    <Form
      validationErrors={validationErrorsOf(change.error, ['role'])}
      onSubmit={(event) => {
        event.preventDefault();
        if (role) change.mutate({ id: user.id, role: role as Role }, { onSuccess: onClose });
      }}
    >
      <p>
        Role of <strong>{user.email}</strong>
      </p>
      <SelectField
        label="Role"
        name="role"
        isRequired
        value={role}
        onChange={setRole}
        options={ROLE_OPTIONS.filter((option) => grantable.includes(option.id)).map((option) => ({
          id: option.id,
          label: `${option.label} — ${option.description}`,
        }))}
      />
      <ProblemAlert error={change.error} shownPaths={['role']} />
      <div className="form-actions">
        <Button onPress={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={change.isPending}>
          Save
        </Button>
      </div>
    </Form>
  );
}
