import { type LeafDraft, subjectType } from '@console/filters/model/condition-draft';
import { removeNode, setOperator, setSubject, setValues } from '@console/filters/model/condition-edits';
import type { Operator } from '@console/filters/model/condition-draft';
import { operatorLabel, operatorsFor } from '@console/filters/model/operators';
import { Button } from '@console/ui/button';
import { useBuilder, useFocusWhenRequested } from './builder-context';
import { ChoiceField } from './choice-field';
import { SubjectPicker } from './subject-picker';
import { ValueControl } from './value-control';

/** One condition: subject, then an operator that fits its type, then the value control that fits both. */
export function LeafEditor({ leaf, parentId }: { leaf: LeafDraft; parentId: string }) {
  const { schema, root, change, problems, numbers, requestFocus } = useBuilder();
  const ref = useFocusWhenRequested<HTMLDivElement>(leaf.id);
  const errors = problems.get(leaf.id) ?? {};
  const type = leaf.subject ? subjectType(leaf.subject, schema) : null;
  const number = numbers.get(leaf.id) ?? '';
  return (
    <div
      ref={ref}
      role="group"
      aria-label={`Condition ${number}`}
      className="condition-leaf"
      data-invalid={errors.node ? true : undefined}
    >
      <div className="condition-leaf-controls">
        <SubjectPicker
          subject={leaf.subject}
          schema={schema}
          error={errors.subject}
          onChange={(subject) => change(setSubject(root, leaf.id, subject, schema))}
        />
        {type && (
          <ChoiceField
            label="Operator"
            className="operator-picker"
            choices={operatorsFor(type).map((op) => ({ id: op, label: operatorLabel(op, type) }))}
            value={leaf.op}
            error={errors.op}
            onChange={(op) => change(setOperator(root, leaf.id, op as Operator))}
          />
        )}
        <ValueControl
          leaf={leaf}
          schema={schema}
          error={errors.value}
          onChange={(values) => change(setValues(root, leaf.id, values))}
        />
        <Button
          variant="quiet"
          className="condition-remove"
          aria-label={`Remove condition ${number}`}
          onPress={() => {
            change(removeNode(root, leaf.id));
            requestFocus(parentId);
          }}
        >
          Remove
        </Button>
      </div>
      {errors.node && <p className="field-error">{errors.node}</p>}
    </div>
  );
}
