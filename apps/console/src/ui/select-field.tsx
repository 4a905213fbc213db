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

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  name?: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string;
  placeholder?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  className?: string;
}

/** A labelled single choice (React Aria Select: listbox semantics, typeahead, keyboard). */
export function SelectField({ label, options, value, onChange, description, placeholder, ...rest }: SelectFieldProps) {
  return (
    <Select
      {...rest}
      className={['field', rest.className].filter(Boolean).join(' ')}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      placeholder={placeholder ?? 'Choose…'}
    >
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => <ListBoxItem className="listbox-item">{option.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}
