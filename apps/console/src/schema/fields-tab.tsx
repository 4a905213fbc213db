import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useParams } from 'react-router';
import { useCampaign } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { QueryState } from '@console/ui/query-state';
import { ChangeFieldDialog, NewFieldDialog } from './field-dialogs';
import { RemoveDialog } from './remove-dialog';
import { RowActions } from './row-actions';
import type { CampaignField } from './schema-calls';
import { FIELD_TYPE_LABELS } from './schema-rules';
import { TabHeader } from './tab-header';

type Dialog = { kind: 'new' } | { kind: 'change' | 'remove'; field: CampaignField };

/** The campaign's **Fields** tab: the typed values its leads carry. */
export function FieldsTab() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const canWrite = useCan('campaigns:write');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <TabHeader
        title="Fields"
        action={
          canWrite && (
            <Button variant="primary" onPress={() => setDialog({ kind: 'new' })}>
              New field
            </Button>
          )
        }
      >
        The typed values each lead of this campaign carries. Partners see them in their token&apos;s documentation.
      </TabHeader>
      <QueryState query={campaign}>
        {(data) => (
          <Table aria-label="Fields" className="table">
            <TableHeader>
              <Column isRowHeader>Label</Column>
              <Column>Key</Column>
              <Column>Type</Column>
              <Column>Required</Column>
              {canWrite && <Column>Actions</Column>}
            </TableHeader>
            <TableBody items={data.fields} dependencies={[canWrite]} renderEmptyState={() => 'No fields yet.'}>
              {(field) => (
                <Row id={field.key}>
                  <Cell>{field.label}</Cell>
                  <Cell>
                    <code>{field.key}</code>
                  </Cell>
                  <Cell>{FIELD_TYPE_LABELS[field.type]}</Cell>
                  <Cell>{field.required ? 'Required' : 'Optional'}</Cell>
                  {canWrite && (
                    <Cell>
                      <RowActions
                        name={field.label}
                        onChange={() => setDialog({ kind: 'change', field })}
                        onRemove={() => setDialog({ kind: 'remove', field })}
                      />
                    </Cell>
                  )}
                </Row>
              )}
            </TableBody>
          </Table>
        )}
      </QueryState>
      {dialog?.kind === 'new' && <NewFieldDialog campaignId={campaignId} onClose={close} />}
      {dialog?.kind === 'change' && <ChangeFieldDialog campaignId={campaignId} field={dialog.field} onClose={close} />}
      {dialog?.kind === 'remove' && (
        <RemoveDialog
          what={`the field “${dialog.field.label}”`}
          target={{ kind: 'field', key: dialog.field.key }}
          onClose={close}
        >
          <p>
            New leads can no longer carry <code>{dialog.field.key}</code>: requests that send it are refused as an
            unknown field (422).
          </p>
        </RemoveDialog>
      )}
    </>
  );
}
