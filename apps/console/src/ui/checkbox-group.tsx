import { Checkbox, CheckboxGroup as AriaCheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

export interface CheckboxGroupProps {
  label: string;
  name?: string;
  options: readonly { id: string; label: string; description?: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  description?: string;
  isDisabled?: boolean;
  className?: string;
}

/** A labelled group of checkboxes (one value each), as for permissions and scopes. */
export function CheckboxGroup({ label, options, description, className, ...props }: CheckboxGroupProps) {
  return (
    <AriaCheckboxGroup {...props} className={['field', 'checkbox-group', className].filter(Boolean).join(' ')}>
      <Label>{label}</Label>
      {options.map((option) => (
        <Checkbox key={option.id} value={option.id} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          <span>
            {option.label}
            {option.description && <span className="muted"> — {option.description}</span>}
          </span>
        </Checkbox>
      ))}
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
    </AriaCheckboxGroup>
  );
}
