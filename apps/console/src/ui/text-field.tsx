import {
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  description?: string;
  multiline?: boolean;
}

/** A labelled text input; its error comes from the form's validation or the API's `errors` (Form validationErrors). */
export function TextField({ label, description, multiline, className, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className={['field', className].filter(Boolean).join(' ')}>
      <Label>{label}</Label>
      {multiline ? <TextArea /> : <Input />}
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
    </AriaTextField>
  );
}
