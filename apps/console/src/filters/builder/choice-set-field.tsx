import { Checkbox, CheckboxGroup, FieldError, Label } from 'react-aria-components';
import type { Choice } from './choice-field';

export interface ChoiceSetFieldProps {
  label: string;
  choices: readonly Choice[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** Several picks from a short list (for "is one of" / "is none of"), as checkboxes. */
export function ChoiceSetField({ label, choices, value, onChange, error }: ChoiceSetFieldProps) {
  const missing = value.filter((picked) => !choices.some((choice) => choice.id === picked));
  const shown: Choice[] = [...choices, ...missing.map((id) => ({ id, label: id }))];
  return (
    <CheckboxGroup
      className="field checkbox-group choice-set"
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <div className="choice-set-options">
        {shown.map((choice) => (
          <Checkbox key={choice.id} value={choice.id} className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            <span>
              {choice.label}
              {choice.description && <span className="muted"> ({choice.description})</span>}
            </span>
          </Checkbox>
        ))}
      </div>
      <FieldError className="field-error">{error}</FieldError>
    </CheckboxGroup>
  );
}
