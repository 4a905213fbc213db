import { useState } from 'react';
import { TextField } from '@console/ui/text-field';
import { FormDialog } from './form-dialog';
import { useAddSelectOption, useChangeSelectOption, type CampaignSelect } from './schema-calls';
import { labelProblem, OPTION_VALUE_HINT, optionValueProblem } from './schema-rules';

type SelectOption = CampaignSelect['options'][number];

/** **Add option** to one select: its value (what leads and filters hold) and its label. */
export function AddOptionDialog({
  campaignId,
  select,
  onClose,
}: {
  campaignId: string;
  select: CampaignSelect;
  onClose: () => void;
}) {
  const add = useAddSelectOption(campaignId, select.key);
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  return (
    <FormDialog
      title={`Add option to ${select.label}`}
      onClose={onClose}
      onSubmit={() => add.mutate({ value, label }, { onSuccess: onClose })}
      error={add.error}
      isPending={add.isPending}
      fieldNames={['value', 'label']}
    >
      <TextField
        label="Value"
        name="value"
        isRequired
        autoFocus
        value={value}
        onChange={setValue}
        validate={optionValueProblem}
        description={`What leads, filters and partners send: ${OPTION_VALUE_HINT}. It cannot be changed later.`}
      />
      <TextField label="Label" name="label" isRequired value={label} onChange={setLabel} validate={labelProblem} />
    </FormDialog>
  );
}

/** Change an option's label; its value stays, since leads and filters hold it. */
export function ChangeOptionDialog({
  campaignId,
  select,
  option,
  onClose,
}: {
  campaignId: string;
  select: CampaignSelect;
  option: SelectOption;
  onClose: () => void;
}) {
  const change = useChangeSelectOption(campaignId, select.key, option.value);
  const [label, setLabel] = useState(option.label);
  return (
    <FormDialog
      title={`Change option ${option.value}`}
      onClose={onClose}
      onSubmit={() => change.mutate({ label }, { onSuccess: onClose })}
      error={change.error}
      isPending={change.isPending}
      fieldNames={['label']}
    >
      <p className="muted">
        Select {select.label}, value <code>{option.value}</code>: the value stays as it is.
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
    </FormDialog>
  );
}
