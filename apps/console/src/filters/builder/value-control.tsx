import {
  type CampaignSchema,
  type LeafDraft,
  subjectType,
  type SubjectType,
} from '@console/filters/model/condition-draft';
import { arityOf } from '@console/filters/model/operators';
import { type Choice, ChoiceField } from './choice-field';
import { ChoiceSetField } from './choice-set-field';
import { type InputKind, ValueInput } from './value-input';
import { ValueList } from './value-list';

/** The values a subject is picked from: a select's options, the statuses, yes/no; null when they are typed. */
function choicesFor(leaf: LeafDraft, type: SubjectType, schema: CampaignSchema): Choice[] | null {
  const subject = leaf.subject!;
  if (subject.kind === 'select') {
    const options = schema.selects.find((select) => select.key === subject.key)?.options ?? [];
    return options.map((option) => ({ id: option.value, label: option.label, description: option.value }));
  }
  if (type === 'status')
    return schema.statuses.map((status) => ({ id: status.slug, label: status.label, description: status.slug }));
  if (type === 'boolean') {
    return [
      { id: 'true', label: 'Yes' },
      { id: 'false', label: 'No' },
    ];
  }
  return null;
}

function inputKindFor(type: SubjectType): InputKind {
  if (type === 'number') return { type: 'text', inputMode: 'decimal' };
  if (type === 'date') return { type: 'date' };
  if (type === 'timestamp') return { type: 'datetime-local', description: 'Date and time in UTC.' };
  return { type: 'text' };
}

export interface ValueControlProps {
  leaf: LeafDraft;
  schema: CampaignSchema;
  onChange: (values: string[]) => void;
  error?: string;
}

/**
 * The value control that fits the subject and operator: a pick from the campaign's options or
 * statuses, several picks for "is one of", a typed input by field type, a list of them, or nothing
 * for "is empty".
 */
export function ValueControl({ leaf, schema, onChange, error }: ValueControlProps) {
  if (!leaf.subject || !leaf.op) return null;
  const type = subjectType(leaf.subject, schema);
  const arity = arityOf(leaf.op);
  if (!type || arity === 'none') return null;
  const choices = choicesFor(leaf, type, schema);
  if (choices && arity === 'list') {
    return <ChoiceSetField label="Values" choices={choices} value={leaf.values} onChange={onChange} error={error} />;
  }
  if (choices) {
    return (
      <ChoiceField
        label="Value"
        choices={choices}
        value={leaf.values[0] ?? null}
        onChange={(value) => onChange([value])}
        error={error}
      />
    );
  }
  const kind = inputKindFor(type);
  if (arity === 'list')
    return <ValueList label="Values" kind={kind} values={leaf.values} onChange={onChange} error={error} />;
  return (
    <ValueInput
      label="Value"
      kind={kind}
      value={leaf.values[0] ?? ''}
      onChange={(value) => onChange([value])}
      error={error}
    />
  );
}
