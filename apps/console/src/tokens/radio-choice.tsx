import type { ReactNode } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface RadioChoiceProps {
  label: string;
  name?: string;
  options: readonly { id: string; label: ReactNode; description?: ReactNode }[];
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  isRequired?: boolean;
}

/** A labelled group of radio buttons (React Aria RadioGroup: arrow keys move, one tab stop). */
export function RadioChoice({ label, options, description, value, ...props }: RadioChoiceProps) {
  return (
    <RadioGroup {...props} value={value} className="field token-radio-group">
      <Label>{label}</Label>
      {options.map((option) => (
        <Radio key={option.id} value={option.id} className="radio token-radio">
          <span className="token-radio-dot" aria-hidden="true" />
          <span>
            {option.label}
            {option.description && <span className="token-radio-description">{option.description}</span>}
          </span>
        </Radio>
      ))}
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
    </RadioGroup>
  );
}
