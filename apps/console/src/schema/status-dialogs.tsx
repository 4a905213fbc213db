import { useState } from 'react';
import { SelectField } from '@console/ui/select-field';
import { TextField } from '@console/ui/text-field';
import type { BodyOf } from '@console/api/operations';
import { CheckboxField } from './checkbox-field';
import { FormDialog } from './form-dialog';
import { useAddStatus, useChangeStatus, type CampaignStatus } from './schema-calls';
import { labelProblem, SLUG_HINT, slugProblem } from './schema-rules';

const DEFAULT_MEANS = 'A lead created without a status gets this one. It takes over from the current default.';
const ALWAYS_A_DEFAULT = 'A campaign always has a default status: make another status the default instead.';

/** **New status**: slug, label and whether it becomes the default, as addStatus takes them. */
export function NewStatusDialog({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const add = useAddStatus(campaignId);
  const [slug, setSlug] = useState('');
  const [label, setLabel] = useState('');
  const [isDefault, setDefault] = useState(false);
  return (
    <FormDialog
      title="New status"
      onClose={onClose}
      onSubmit={() => add.mutate({ slug, label, is_default: isDefault }, { onSuccess: onClose })}
      error={add.error}
      isPending={add.isPending}
      fieldNames={['slug', 'label', 'is_default']}
    >
      <TextField
        label="Slug"
        name="slug"
        isRequired
        autoFocus
        value={slug}
        onChange={setSlug}
        validate={slugProblem}
        description={`What leads, filters and partners send as the status: ${SLUG_HINT}. It cannot be changed later.`}
      />
      <TextField label="Label" name="label" isRequired value={label} onChange={setLabel} validate={labelProblem} />
      <CheckboxField
        label="Default status"
        name="is_default"
        isSelected={isDefault}
        onChange={setDefault}
        description={DEFAULT_MEANS}
      />
    </FormDialog>
  );
}

/** Change a status: its label, its position in the list, and making it the default (changeStatus). */
export function ChangeStatusDialog({
  campaignId,
  status,
  count,
  onClose,
}: {
  campaignId: string;
  status: CampaignStatus;
  /** How many statuses the campaign has: the positions to choose from. */
  count: number;
  onClose: () => void;
}) {
  const change = useChangeStatus(campaignId, status.slug);
  const [label, setLabel] = useState(status.label);
  const [order, setOrder] = useState(status.order);
  const [isDefault, setDefault] = useState(status.is_default);
  // Only what changed is sent: the API reorders the others around a new position.
  const body: BodyOf<'changeStatus'> = {
    ...(label !== status.label ? { label } : {}),
    ...(order !== status.order ? { order } : {}),
    ...(isDefault !== status.is_default ? { is_default: isDefault } : {}),
  };
  const positions = Array.from({ length: count }, (_, index) => ({ id: String(index), label: String(index + 1) }));
  return (
    <FormDialog
      title={`Change status ${status.slug}`}
      onClose={onClose}
      onSubmit={() => (Object.keys(body).length === 0 ? onClose() : change.mutate(body, { onSuccess: onClose }))}
      error={change.error}
      isPending={change.isPending}
      fieldNames={['label', 'order', 'is_default']}
    >
      <p className="muted">
        Slug <code>{status.slug}</code>: it stays as it is.
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
      <SelectField
        label="Position"
        name="order"
        options={positions}
        value={String(order)}
        onChange={(value) => value !== null && setOrder(Number(value))}
        description="Where it stands in the list of statuses; the others move to make room."
      />
      <CheckboxField
        label="Default status"
        name="is_default"
        isSelected={isDefault}
        onChange={setDefault}
        isDisabled={status.is_default}
        description={status.is_default ? ALWAYS_A_DEFAULT : DEFAULT_MEANS}
      />
    </FormDialog>
  );
}
