import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { SecretOnce } from '@console/ui/secret-once';
import { SelectField } from '@console/ui/select-field';
import { TextField } from '@console/ui/text-field';
import { ROLE_OPTIONS, roleLabel, type Role } from './roles';
import { useInvite } from './user-queries';

const FIELDS = ['email', 'role'];

/**
 * Invite a person: e-mail and one of the roles the signed-in person may grant. The answer's
 * invitation link is a secret (whoever has it joins the account), shown once; the dialog then
 * closes only through its own button.
 */
export function InviteDialog({
  isOpen,
  onClose,
  grantable,
}: {
  isOpen: boolean;
  onClose: () => void;
  grantable: readonly Role[];
}) {
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const close = () => {
    // Drops the answer, and the link in it, from memory.
    invite.reset();
    setEmail('');
    setRole(null);
    onClose();
  };
  const invited = invite.data;
  return (
    <ModalDialog title="Invite a person" isOpen={isOpen} onClose={close} isDismissable={!invited}>
      {invited ? (
        <>
          <p role="status">
            {invited.email} is invited as {roleLabel(invited.role)}.
          </p>
          <SecretOnce label="Invitation link" value={invited.invite_url} />
          <p className="warning">
            Whoever opens this link can set a password and sign in to this account as {roleLabel(invited.role)}. Send it
            to {invited.email} only, by a channel you trust. It works once, until{' '}
            {invited.invitation_expires_at ? new Date(invited.invitation_expires_at).toLocaleString() : 'it expires'}.
          </p>
          <div className="form-actions">
            <Button variant="primary" onPress={close}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <Form
          validationErrors={validationErrorsOf(invite.error, FIELDS)}
          onSubmit={(event) => {
            event.preventDefault();
            if (role) invite.mutate({ email, role: role as Role });
          }}
        >
          <TextField label="E-mail" name="email" type="email" isRequired autoFocus value={email} onChange={setEmail} />
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
          <ProblemAlert error={invite.error} shownPaths={FIELDS} />
          <div className="form-actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={invite.isPending}>
              Invite
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}
