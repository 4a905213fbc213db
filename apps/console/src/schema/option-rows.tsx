import { Button } from '@console/ui/button';
import { TextField } from '@console/ui/text-field';
import { idProblem, labelProblem, optionValueProblem, repeatedProblem } from './schema-rules';

/** One option being written: `code` is a select option's value or a relation option's id. */
export interface OptionDraft {
  rowId: string;
  code: string;
  label: string;
}

export type OptionCode = 'value' | 'id';

let nextRowId = 0;
/** A new blank row; the id only keeps React's rows apart while a person edits them. */
export const optionDraft = (code = '', label = ''): OptionDraft => ({ rowId: `option-${nextRowId++}`, code, label });

/** The form control names of the rows, equal to the API's error paths (`options.0.value`). */
export const optionFieldNames = (rows: readonly OptionDraft[], code: OptionCode) =>
  rows.flatMap((_, index) => [`options.${index}.${code}`, `options.${index}.label`]);

export interface OptionRowsProps {
  code: OptionCode;
  rows: OptionDraft[];
  onChange: (rows: OptionDraft[]) => void;
}

/** The options of a new select or of a relation: value (or id) and label per row, rows added and removed. */
export function OptionRows({ code, rows, onChange }: OptionRowsProps) {
  const codes = rows.map((row) => row.code);
  const codeProblem = code === 'value' ? optionValueProblem : idProblem;
  const update = (rowId: string, change: Partial<OptionDraft>) =>
    onChange(rows.map((row) => (row.rowId === rowId ? { ...row, ...change } : row)));
  return (
    <fieldset className="schema-options">
      <legend>Options</legend>
      {rows.length === 0 && <p className="muted">No options yet.</p>}
      {rows.map((row, index) => (
        <div key={row.rowId} className="schema-option-row">
          <TextField
            label={`Option ${index + 1} ${code}`}
            name={`options.${index}.${code}`}
            isRequired
            value={row.code}
            onChange={(value) => update(row.rowId, { code: value })}
            validate={(value) => codeProblem(value) ?? repeatedProblem(codes, index)}
          />
          <TextField
            label={`Option ${index + 1} label`}
            name={`options.${index}.label`}
            isRequired
            value={row.label}
            onChange={(value) => update(row.rowId, { label: value })}
            validate={labelProblem}
          />
          <Button
            variant="quiet"
            aria-label={`Remove option ${index + 1}`}
            onPress={() => onChange(rows.filter((other) => other.rowId !== row.rowId))}
          >
            Remove
          </Button>
        </div>
      ))}
      <div>
        <Button onPress={() => onChange([...rows, optionDraft()])}>Add another option</Button>
      </div>
    </fieldset>
  );
}
