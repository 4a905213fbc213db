import { Checkbox, type CheckboxProps } from 'react-aria-components';

export interface CheckboxFieldProps extends Omit<CheckboxProps, 'children' | 'className'> {
  label: string;
  /** Said under the label, and read with it. */
  description?: string;
}

/** One yes/no choice with its label (React Aria Checkbox), styled like the shared checkbox group. */
export function CheckboxField({ label, description, ...props }: CheckboxFieldProps) {
  return (
    <Checkbox {...props} className="checkbox schema-checkbox">
      <span className="checkbox-box" aria-hidden="true" />
      <span>
        {label}
        {description && <span className="muted schema-checkbox-description">{description}</span>}
      </span>
    </Checkbox>
  );
}
