import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useCampaign } from '@console/campaigns/campaign-queries';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { ProblemAlert } from '@console/ui/problem-alert';
import { QueryState } from '@console/ui/query-state';
import { tokenFormErrors } from './field-access-errors';
import { accessFromChoices, choicesFromAccess, type AccessChoices, type SchemaField } from './field-access-model';
import { FieldAccessSection } from './field-access-section';
import { useUpdateToken, type Token } from './token-queries';

const NO_NAMES: readonly string[] = [];

/**
 * **Edit field access** of a campaign token (PATCH /v1/admin/tokens/{id} `{ field_access }`): the
 * same choices as when it was made, starting from what it has now. Its secret and permissions stay.
 */
export function FieldAccessDialog({ token, onClose }: { token: Token; onClose: () => void }) {
  const campaign = useCampaign(token.campaign_id ?? '');
  return (
    <ModalDialog title={`Field access of “${token.name}”`} isOpen onClose={onClose}>
      <QueryState query={campaign}>
        {(data) => <FieldAccessForm token={token} fields={data.fields} onClose={onClose} />}
      </QueryState>
    </ModalDialog>
  );
}

function FieldAccessForm({ token, fields, onClose }: { token: Token; fields: SchemaField[]; onClose: () => void }) {
  const update = useUpdateToken(token.id);
  const [choices, setChoices] = useState<AccessChoices>(() => choicesFromAccess(fields, token.field_access));
  const { validationErrors, others } = tokenFormErrors(update.error, NO_NAMES, update.variables?.field_access);
  return (
    <Form
      validationErrors={validationErrors}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ field_access: accessFromChoices(fields, choices) }, { onSuccess: onClose });
      }}
    >
      <FieldAccessSection
        fields={fields}
        choices={choices}
        onChange={(key, choice) => setChoices({ ...choices, [key]: choice })}
        writes={(token.permissions ?? []).includes('write')}
        otherErrors={others}
      />
      <ProblemAlert error={update.error} shownPaths={['field_access']} />
      <div className="form-actions">
        <Button onPress={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={update.isPending}>
          Save
        </Button>
      </div>
    </Form>
  );
}
