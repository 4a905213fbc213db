import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useCampaign, useFilters } from '@console/campaigns/campaign-queries';
import { Button } from '@console/ui/button';
import { CheckboxGroup } from '@console/ui/checkbox-group';
import { ProblemAlert } from '@console/ui/problem-alert';
import { SelectField } from '@console/ui/select-field';
import { TextField } from '@console/ui/text-field';
import { ExpiryField } from './expiry-field';
import { tokenFormErrors } from './field-access-errors';
import { accessFromChoices, fitChoices, type AccessChoices } from './field-access-model';
import { FieldAccessSection } from './field-access-section';
import { expiryFromDate, nextPermissions, type Permission } from './token-form-model';
import type { useCreateCampaignToken } from './token-queries';

const FIELDS = ['name', 'permissions', 'filter_id', 'expires_at'] as const;
/** Shown by the Field access section (beside each field's choice, or listed in it). */
const SHOWN_PATHS = [...FIELDS, 'field_access'];

/** The Select's choice for "no filter": React Aria keys cannot be null. */
const WHOLE_CAMPAIGN = 'whole-campaign';

const PERMISSION_OPTIONS = [
  { id: 'read', label: 'Read', description: 'list and read the leads it sees, their files and the campaign schema' },
  { id: 'write', label: 'Write', description: 'also create and update those leads and upload files (includes Read)' },
  {
    id: 'webhooks',
    label: 'Webhooks',
    description: 'also subscribe its own endpoints, which receive those leads as they change (includes Read)',
  },
];

export interface CampaignTokenFormProps {
  campaignId: string;
  create: ReturnType<typeof useCreateCampaignToken>;
  onCancel: () => void;
}

/** **Name**, **Permissions** (Read / Write / Webhooks), **Campaign filter**, expiry, **Field access** and **Save**. */
export function CampaignTokenForm({ campaignId, create, onCancel }: CampaignTokenFormProps) {
  const filters = useFilters(campaignId);
  const campaign = useCampaign(campaignId);
  const fields = campaign.data?.fields;
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<Permission[]>(['read']);
  const [filterId, setFilterId] = useState<string>(WHOLE_CAMPAIGN);
  const [expiresOn, setExpiresOn] = useState('');
  const [choices, setChoices] = useState<AccessChoices>({});
  const writes = permissions.includes('write');
  const filterOptions = [
    { id: WHOLE_CAMPAIGN, label: 'None: the whole campaign' },
    ...(filters.data ?? []).map((filter) => ({ id: filter.id, label: filter.name })),
  ];
  const { validationErrors, others } = tokenFormErrors(create.error, FIELDS, create.variables?.field_access);
  return (
    <Form
      validationErrors={validationErrors}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          name,
          permissions,
          filter_id: filterId === WHOLE_CAMPAIGN ? null : filterId,
          expires_at: expiryFromDate(expiresOn),
          // Without the campaign's fields the form cannot say which exist: every field in full.
          ...(fields ? { field_access: accessFromChoices(fields, choices) } : {}),
        });
      }}
    >
      <TextField label="Name" name="name" isRequired maxLength={200} autoFocus value={name} onChange={setName} />
      <CheckboxGroup
        label="Permissions"
        name="permissions"
        options={PERMISSION_OPTIONS}
        value={permissions}
        onChange={(chosen) => {
          const next = nextPermissions(permissions, chosen);
          setPermissions(next);
          if (fields) setChoices(fitChoices(fields, choices, next.includes('write')));
        }}
        description="Write and Webhooks include Read."
      />
      <SelectField
        label="Campaign filter"
        name="filter_id"
        options={filterOptions}
        value={filterId}
        onChange={(value) => setFilterId(value ?? WHOLE_CAMPAIGN)}
        description={
          filters.isError
            ? 'The filters could not be loaded; the token can still be made for the whole campaign.'
            : 'The token sees and writes only the leads this filter matches.'
        }
      />
      <ExpiryField value={expiresOn} onChange={setExpiresOn} />
      {fields ? (
        <FieldAccessSection
          fields={fields}
          choices={choices}
          onChange={(key, choice) => setChoices({ ...choices, [key]: choice })}
          writes={writes}
          otherErrors={others}
        />
      ) : (
        <p className="muted" role={campaign.isError ? 'alert' : 'status'}>
          {campaign.isError
            ? 'The campaign’s fields could not be loaded; the token can still be made with every field in full.'
            : 'Loading the campaign’s fields…'}
        </p>
      )}
      <ProblemAlert error={create.error} shownPaths={SHOWN_PATHS} />
      <div className="form-actions">
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Save
        </Button>
      </div>
    </Form>
  );
}
