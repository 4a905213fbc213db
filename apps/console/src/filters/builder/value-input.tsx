import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

/** How a value is typed: the input's type and keyboard, and a hint on the format where there is one. */
export interface InputKind {
  type: 'text' | 'date' | 'datetime-local';
  inputMode?: 'decimal' | 'text';
  description?: string;
}

export interface ValueInputProps {
  label: string;
  kind: InputKind;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  'aria-label'?: string;
}

/** One typed value (text, number, day, or date and time in UTC). */
export function ValueInput({ label, kind, value, onChange, error, ...aria }: ValueInputProps) {
  return (
    <TextField
      className="field value-input"
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      type={kind.type}
      inputMode={kind.inputMode}
      aria-label={aria['aria-label']}
    >
      {!aria['aria-label'] && <Label>{label}</Label>}
      <Input step={kind.type === 'datetime-local' ? 1 : undefined} />
      {kind.description && <Text slot="description">{kind.description}</Text>}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
