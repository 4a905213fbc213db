import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { CheckboxGroup } from '@console/ui/checkbox-group';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { TextField } from '@console/ui/text-field';
import { type ScopeGroupEntry, scopeGroupLabel } from './credential-model';
import type { useCreateCredential } from './credential-queries';

const FIELDS = ['description', 'scope_groups'] as const;

export interface CredentialFormProps {
  /** The scope groups the signed-in person may give (their scopes cover every scope of the group). */
  groups: ScopeGroupEntry[];
  create: ReturnType<typeof useCreateCredential>;
  onCancel: () => void;
}

/** **Description** and the scope groups (fixed for the credential's life), then **Save**. */
export function CredentialForm({ groups, create, onCancel }: CredentialFormProps) {
  const [description, setDescription] = useState('');
  const [scopeGroups, setScopeGroups] = useState<string[]>([]);
  const validationErrors = validationErrorsOf(create.error, FIELDS);
  return (
    <Form
      validationErrors={validationErrors}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ description, scope_groups: scopeGroups });
      }}
    >
      <TextField
        label="Description"
        name="description"
        maxLength={500}
        autoFocus
        value={description}
        onChange={setDescription}
        description="What uses this credential, for whoever reads this list later."
      />
      <CheckboxGroup
        label="Scope groups"
        name="scope_groups"
        options={groups.map((group) => ({
          id: group.id,
          label: scopeGroupLabel(group.id),
          description: group.scopes.join(' '),
        }))}
        value={scopeGroups}
        onChange={setScopeGroups}
        description="Fixed when the credential is made: they cannot be changed later."
      />
      <ProblemAlert error={create.error} shownPaths={FIELDS} />
      <div className="form-actions">
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Save
        </Button>
      </div>
    </Form>
  );
}
