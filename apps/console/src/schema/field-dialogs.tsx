import { useState } from 'react';
import { SelectField } from '@console/ui/select-field';
import { TextField } from '@console/ui/text-field';
import { CheckboxField } from './checkbox-field';
import { FormDialog } from './form-dialog';
import { useAddField, useChangeField, type CampaignField } from './schema-calls';
import { FIELD_TYPE_LABELS, FIELD_TYPES, KEY_HINT, keyProblem, labelProblem, type FieldType } from './schema-rules';

const TYPE_OPTIONS = FIELD_TYPES.map((type) => ({ id: type, label: `${FIELD_TYPE_LABELS[type]} (${type})` }));

const REQUIRED_MEANS = 'Every lead created from now on must carry it; the API refuses one without it (422).';

/** **New field**: key, label, type, required, as addField takes them. */
export function NewFieldDialog({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const add = useAddField(campaignId);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [required, setRequired] = useState(false);
  return (
    <FormDialog
      title="New field"
      onClose={onClose}
      onSubmit={() => add.mutate({ key, label, type, required }, { onSuccess: onClose })}
      error={add.error}
      isPending={add.isPending}
      fieldNames={['key', 'label', 'type', 'required']}
    >
      <TextField
        label="Key"
        name="key"
        isRequired
        autoFocus
        value={key}
        onChange={setKey}
        validate={keyProblem}
        description={`What leads, filters and partners' requests call it: ${KEY_HINT}, e.g. postcode. It cannot be changed later.`}
      />
      <TextField label="Label" name="label" isRequired value={label} onChange={setLabel} validate={labelProblem} />
      <SelectField
        label="Type"
        name="type"
        isRequired
        options={TYPE_OPTIONS}
        value={type}
        onChange={(value) => value && setType(value as FieldType)}
        description="The API checks each lead's value against it. It cannot be changed later."
      />
      <CheckboxField
        label="Required"
        name="required"
        isSelected={required}
        onChange={setRequired}
        description={REQUIRED_MEANS}
      />
    </FormDialog>
  );
}

/** Change a field: its label and whether it is required (changeField takes nothing else). */
export function ChangeFieldDialog({
  campaignId,
  field,
  onClose,
}: {
  campaignId: string;
  field: CampaignField;
  onClose: () => void;
}) {
  const change = useChangeField(campaignId, field.key);
  const [label, setLabel] = useState(field.label);
  const [required, setRequired] = useState(field.required);
  return (
    <FormDialog
      title={`Change field ${field.key}`}
      onClose={onClose}
      onSubmit={() => change.mutate({ label, required }, { onSuccess: onClose })}
      error={change.error}
      isPending={change.isPending}
      fieldNames={['label', 'required']}
    >
      <p className="muted">
        Key <code>{field.key}</code>, type {FIELD_TYPE_LABELS[field.type]}: these stay as they are.
      </p>
      <TextField
        label="Label"
        name="label"
        isRequired
        autoFocus
        value={label}
        onChange={setLabel}
        validate={labelProblem}
      />
      <CheckboxField
        label="Required"
        name="required"
        isSelected={required}
        onChange={setRequired}
        description={REQUIRED_MEANS}
      />
    </FormDialog>
  );
}
