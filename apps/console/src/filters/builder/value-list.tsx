import { useId } from 'react';
import { Button } from '@console/ui/button';
import { type InputKind, ValueInput } from './value-input';

export interface ValueListProps {
  label: string;
  kind: InputKind;
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
}

/** A list of typed values (for "is one of" / "is none of" on a field): one input each, added and removed. */
export function ValueList({ label, kind, values, onChange, error }: ValueListProps) {
  const labelId = useId();
  const errorId = useId();
  const shown = values.length > 0 ? values : [''];
  const set = (index: number, value: string) => onChange(shown.map((old, at) => (at === index ? value : old)));
  return (
    <div
      role="group"
      className="field value-list"
      aria-labelledby={labelId}
      aria-describedby={error ? errorId : undefined}
      data-invalid={error ? true : undefined}
    >
      <span id={labelId} className="value-list-label">
        {label}
      </span>
      {shown.map((value, index) => (
        <div className="value-list-row" key={index}>
          <ValueInput
            label={`Value ${index + 1}`}
            aria-label={`Value ${index + 1}`}
            kind={kind}
            value={value}
            onChange={(next) => set(index, next)}
          />
          {shown.length > 1 && (
            <Button
              variant="quiet"
              aria-label={`Remove value ${index + 1}`}
              onPress={() => onChange(shown.filter((_, at) => at !== index))}
            >
              ✕
            </Button>
          )}
        </div>
      ))}
      <Button variant="quiet" onPress={() => onChange([...shown, ''])}>
        Add value
      </Button>
      {kind.description && <span className="muted value-list-hint">{kind.description}</span>}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
