import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import {
  choiceControlName,
  choiceOptions,
  disabledReason,
  type AccessChoice,
  type AccessChoices,
  type SchemaField,
} from './field-access-model';

export interface FieldAccessSectionProps {
  fields: readonly SchemaField[];
  choices: AccessChoices;
  onChange: (key: string, choice: AccessChoice) => void;
  /** The token writes leads: its required fields must stay writable. */
  writes: boolean;
  /** The API's field-access messages that name no field here. */
  otherErrors: readonly string[];
}

/**
 * **Field access** (API.md §13): per campaign field, Full, Masked, Read-only or Hidden for this
 * token. One radio group per field, named "Field access for <label>"; the API's message about a
 * field shows under its group (the form's `validationErrors`, by `choiceControlName`).
 */
export function FieldAccessSection({ fields, choices, onChange, writes, otherErrors }: FieldAccessSectionProps) {
  return (
    <fieldset className="field-access">
      <legend>Field access</legend>
      <p className="muted field-access-intro">
        What this token sees of each lead field. Masked: read with most characters hidden, still written in full.
        Read-only: read, never written. Hidden: never in its answers, documentation or webhooks.
      </p>
      {fields.length === 0 && <p>This campaign has no fields yet.</p>}
      {fields.map((field) => (
        <FieldAccessChoice
          key={field.key}
          field={field}
          writes={writes}
          value={choices[field.key] ?? 'full'}
          onChange={(choice) => onChange(field.key, choice)}
        />
      ))}
      {otherErrors.length > 0 && (
        <ul role="alert" className="field-error field-access-errors">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function FieldAccessChoice({
  field,
  writes,
  value,
  onChange,
}: {
  field: SchemaField;
  writes: boolean;
  value: AccessChoice;
  onChange: (choice: AccessChoice) => void;
}) {
  const reason = disabledReason(field, writes);
  return (
    <RadioGroup
      name={choiceControlName(field.key)}
      orientation="horizontal"
      value={value}
      onChange={(choice) => onChange(choice as AccessChoice)}
      className="field-access-row"
    >
      <Label className="field-access-label">
        <span className="tokens-visually-hidden">Field access for </span>
        {field.label}
      </Label>
      <div className="field-access-choices">
        {choiceOptions(field, writes).map((option) => (
          <Radio key={option.id} value={option.id} isDisabled={option.isDisabled} className="radio token-radio">
            <span className="token-radio-dot" aria-hidden="true" />
            <span>{option.label}</span>
          </Radio>
        ))}
      </div>
      <Text slot="description" className="field-access-meta">
        {field.type}
        {field.required ? ', required' : ''}
        {reason ? `. ${reason}` : ''}
      </Text>
      <FieldError className="field-error field-access-error" />
    </RadioGroup>
  );
}
