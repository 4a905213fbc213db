import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useParams } from 'react-router';
import { useCampaign } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { QueryState } from '@console/ui/query-state';
import { RemoveDialog } from './remove-dialog';
import { RowActions } from './row-actions';
import type { CampaignStatus } from './schema-calls';
import { ChangeStatusDialog, NewStatusDialog } from './status-dialogs';
import { TabHeader } from './tab-header';

type Dialog = { kind: 'new' } | { kind: 'change' | 'remove'; status: CampaignStatus };

/** The campaign's **Statuses** tab: the stages a lead goes through, in order, one of them the default. */
export function StatusesTab() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const canWrite = useCan('campaigns:write');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const statuses = [...(campaign.data?.statuses ?? [])].sort((a, b) => a.order - b.order);
  return (
    <>
      <TabHeader
        title="Statuses"
        action={
          canWrite && (
            <Button variant="primary" onPress={() => setDialog({ kind: 'new' })}>
              New status
            </Button>
          )
        }
      >
        The stages of a lead, in order. A lead created without a status gets the default one.
      </TabHeader>
      <QueryState query={campaign}>
        {() => (
          <Table aria-label="Statuses" className="table">
            <TableHeader>
              <Column isRowHeader>Label</Column>
              <Column>Slug</Column>
              <Column>Position</Column>
              <Column>Default</Column>
              {canWrite && <Column>Actions</Column>}
            </TableHeader>
            <TableBody items={statuses} dependencies={[canWrite]} renderEmptyState={() => 'No statuses.'}>
              {(status) => (
                <Row id={status.slug}>
                  <Cell>{status.label}</Cell>
                  <Cell>
                    <code>{status.slug}</code>
                  </Cell>
                  <Cell>{status.order + 1}</Cell>
                  <Cell>{status.is_default ? 'Default' : ''}</Cell>
                  {canWrite && (
                    <Cell>
                      <RowActions
                        name={status.label}
                        onChange={() => setDialog({ kind: 'change', status })}
                        // The API never removes the default status; another must become the default first.
                        onRemove={status.is_default ? undefined : () => setDialog({ kind: 'remove', status })}
                      />
                    </Cell>
                  )}
                </Row>
              )}
            </TableBody>
          </Table>
        )}
      </QueryState>
      {dialog?.kind === 'new' && <NewStatusDialog campaignId={campaignId} onClose={close} />}
      {dialog?.kind === 'change' && (
        <ChangeStatusDialog campaignId={campaignId} status={dialog.status} count={statuses.length} onClose={close} />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveDialog
          what={`the status “${dialog.status.label}”`}
          target={{ kind: 'status', key: dialog.status.slug }}
          onClose={close}
        >
          <p>
            New leads can no longer be set to <code>{dialog.status.slug}</code>: requests that send it are refused
            (422).
          </p>
        </RemoveDialog>
      )}
    </>
  );
}
