import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components';

export interface Choice {
  id: string;
  label: string;
  /** Shown under the label, and read after it (the option's stored value, say). */
  description?: string;
}

export interface ChoiceFieldProps {
  label: string;
  choices: readonly Choice[];
  value: string | null;
  onChange: (value: string) => void;
  error?: string;
  className?: string;
}

/** One pick from a short list (React Aria Select), with the builder's own error beside it. */
export function ChoiceField({ label, choices, value, onChange, error, className }: ChoiceFieldProps) {
  // A value the list no longer has (an option removed since) still shows, so the error beside it makes sense.
  const shown =
    value && !choices.some((choice) => choice.id === value) ? [...choices, { id: value, label: value }] : choices;
  return (
    <Select
      className={['field', 'choice-field', className].filter(Boolean).join(' ')}
      selectedKey={value || null}
      onSelectionChange={(key: Key | null) => key !== null && onChange(String(key))}
      isInvalid={Boolean(error)}
      // Shown, never blocking: the builder's checks and the API decide, not the browser's form validation.
      validationBehavior="aria"
      placeholder="Choose…"
    >
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={shown}>
          {(choice) => (
            <ListBoxItem className="listbox-item" textValue={choice.label}>
              <Text slot="label">{choice.label}</Text>
              {choice.description && (
                <Text slot="description" className="listbox-description">
                  {choice.description}
                </Text>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
