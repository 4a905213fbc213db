import { useState } from 'react';
import { TextField } from '@console/ui/text-field';
import { FormDialog } from './form-dialog';
import { optionDraft, optionFieldNames, OptionRows, type OptionDraft } from './option-rows';
import { useAddSelect, useChangeSelect, type CampaignSelect } from './schema-calls';
import { KEY_HINT, keyProblem, labelProblem } from './schema-rules';

/** **New select**: key, label and its first options, as addSelect takes them. */
export function NewSelectDialog({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const add = useAddSelect(campaignId);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [options, setOptions] = useState<OptionDraft[]>(() => [optionDraft()]);
  return (
    <FormDialog
      title="New select"
      onClose={onClose}
      onSubmit={() =>
        add.mutate(
          { key, label, options: options.map((option) => ({ value: option.code, label: option.label })) },
          { onSuccess: onClose },
        )
      }
      error={add.error}
      isPending={add.isPending}
      fieldNames={['key', 'label', ...optionFieldNames(options, 'value')]}
    >
      <TextField
        label="Key"
        name="key"
        isRequired
        autoFocus
        value={key}
        onChange={setKey}
        validate={keyProblem}
        description={`What leads and filters call it: ${KEY_HINT}, e.g. select_partner. It cannot be changed later.`}
      />
      <TextField label="Label" name="label" isRequired value={label} onChange={setLabel} validate={labelProblem} />
      <OptionRows code="value" rows={options} onChange={setOptions} />
    </FormDialog>
  );
}

/** Change a select's label (changeSelect takes nothing else; its options change one by one). */
export function ChangeSelectDialog({
  campaignId,
  select,
  onClose,
}: {
  campaignId: string;
  select: CampaignSelect;
  onClose: () => void;
}) {
  const change = useChangeSelect(campaignId, select.key);
  const [label, setLabel] = useState(select.label);
  return (
    <FormDialog
      title={`Change select ${select.key}`}
      onClose={onClose}
      onSubmit={() => change.mutate({ label }, { onSuccess: onClose })}
      error={change.error}
      isPending={change.isPending}
      fieldNames={['label']}
    >
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
