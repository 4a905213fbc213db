import { Button } from '@console/ui/button';

/**
 * **Change** and **Remove** for one row. Each button's name ends with the row's label, so the
 * many buttons of a table are told apart by a screen reader (and start with the visible word).
 * Without `onRemove` the row cannot be removed (the default status).
 */
export function RowActions({
  name,
  onChange,
  onRemove,
}: {
  name: string;
  onChange: () => void;
  onRemove?: () => void;
}) {
  return (
    <div className="schema-row-actions">
      <Button variant="quiet" aria-label={`Change ${name}`} onPress={onChange}>
        Change
      </Button>
      {onRemove && (
        <Button variant="quiet" className="schema-remove" aria-label={`Remove ${name}`} onPress={onRemove}>
          Remove
        </Button>
      )}
    </div>
  );
}
