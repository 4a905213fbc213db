import { useId } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { RowActions } from './row-actions';
import type { CampaignSelect } from './schema-calls';

export type SelectOption = CampaignSelect['options'][number];

export type SelectAction =
  | { kind: 'change-select' | 'remove-select' | 'add-option'; select: CampaignSelect }
  | { kind: 'change-option' | 'remove-option'; select: CampaignSelect; option: SelectOption };

/** One select: its key, its options in a table and, for writers, **Add option** and the row actions. */
export function SelectSection({
  select,
  canWrite,
  onAction,
}: {
  select: CampaignSelect;
  canWrite: boolean;
  onAction: (action: SelectAction) => void;
}) {
  const headingId = useId();
  return (
    <section className="schema-select" aria-labelledby={headingId}>
      <div className="schema-select-header">
        <h3 id={headingId}>{select.label}</h3>
        <code>{select.key}</code>
        {canWrite && (
          <div className="schema-select-actions">
            <Button onPress={() => onAction({ kind: 'add-option', select })}>Add option</Button>
            <RowActions
              name={select.label}
              onChange={() => onAction({ kind: 'change-select', select })}
              onRemove={() => onAction({ kind: 'remove-select', select })}
            />
          </div>
        )}
      </div>
      <Table aria-label={`Options of ${select.label}`} className="table">
        <TableHeader>
          <Column isRowHeader>Label</Column>
          <Column>Value</Column>
          {canWrite && <Column>Actions</Column>}
        </TableHeader>
        <TableBody items={select.options} dependencies={[canWrite, select]} renderEmptyState={() => 'No options yet.'}>
          {(option) => (
            <Row id={option.value}>
              <Cell>{option.label}</Cell>
              <Cell>
                <code>{option.value}</code>
              </Cell>
              {canWrite && (
                <Cell>
                  <RowActions
                    name={option.label}
                    onChange={() => onAction({ kind: 'change-option', select, option })}
                    onRemove={() => onAction({ kind: 'remove-option', select, option })}
                  />
                </Cell>
              )}
            </Row>
          )}
        </TableBody>
      </Table>
    </section>
  );
}
