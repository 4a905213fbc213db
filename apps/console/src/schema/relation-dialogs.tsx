import { useState } from 'react';
import type { BodyOf } from '@console/api/operations';
import { TextField } from '@console/ui/text-field';
import { FormDialog } from './form-dialog';
import { optionDraft, optionFieldNames, OptionRows, type OptionDraft } from './option-rows';
import { useAddRelation, useChangeRelation, type CampaignRelation } from './schema-calls';
import { KEY_HINT, keyProblem, labelProblem } from './schema-rules';

const relationOptions = (rows: readonly OptionDraft[]) => rows.map((row) => ({ id: row.code, label: row.label }));

/** **New relation**: key, label and the options a lead may link to, as addRelation takes them. */
export function NewRelationDialog({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const add = useAddRelation(campaignId);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [options, setOptions] = useState<OptionDraft[]>(() => [optionDraft()]);
  return (
    <FormDialog
      title="New relation"
      onClose={onClose}
      onSubmit={() => add.mutate({ key, label, options: relationOptions(options) }, { onSuccess: onClose })}
      error={add.error}
      isPending={add.isPending}
      fieldNames={['key', 'label', ...optionFieldNames(options, 'id')]}
    >
      <TextField
        label="Key"
        name="key"
        isRequired
        autoFocus
        value={key}
        onChange={setKey}
        validate={keyProblem}
        description={`What leads call it: ${KEY_HINT}, e.g. relation_installer. It cannot be changed later.`}
      />
      <TextField label="Label" name="label" isRequired value={label} onChange={setLabel} validate={labelProblem} />
      <OptionRows code="id" rows={options} onChange={setOptions} />
    </FormDialog>
  );
}

/** Change a relation: its label and its options, the whole list at once (changeRelation). */
export function ChangeRelationDialog({
  campaignId,
  relation,
  onClose,
}: {
  campaignId: string;
  relation: CampaignRelation;
  onClose: () => void;
}) {
  const change = useChangeRelation(campaignId, relation.key);
  const [label, setLabel] = useState(relation.label);
  const [options, setOptions] = useState<OptionDraft[]>(() =>
    relation.options.map((option) => optionDraft(option.id, option.label)),
  );
  const next = relationOptions(options);
  // Only what changed is sent: an unchanged list is not checked against the filters again.
  const body: BodyOf<'changeRelation'> = {
    ...(label !== relation.label ? { label } : {}),
    ...(JSON.stringify(next) !== JSON.stringify(relation.options) ? { options: next } : {}),
  };
  return (
    <FormDialog
      title={`Change relation ${relation.key}`}
      onClose={onClose}
      onSubmit={() => (Object.keys(body).length === 0 ? onClose() : change.mutate(body, { onSuccess: onClose }))}
      error={change.error}
      isPending={change.isPending}
      fieldNames={['label', ...optionFieldNames(options, 'id')]}
    >
      <p className="muted">
        Key <code>{relation.key}</code>: it stays as it is. An option taken out can no longer be linked from new leads.
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
      <OptionRows code="id" rows={options} onChange={setOptions} />
    </FormDialog>
  );
}
