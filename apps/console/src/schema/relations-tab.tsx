import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useParams } from 'react-router';
import { useCampaign } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { QueryState } from '@console/ui/query-state';
import { ChangeRelationDialog, NewRelationDialog } from './relation-dialogs';
import { RemoveDialog } from './remove-dialog';
import { RowActions } from './row-actions';
import type { CampaignRelation } from './schema-calls';
import { TabHeader } from './tab-header';

type Dialog = { kind: 'new' } | { kind: 'change' | 'remove'; relation: CampaignRelation };

/** The campaign's **Relations** tab: links from a lead to one of a fixed set of options (an installer). */
export function RelationsTab() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const canWrite = useCan('campaigns:write');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <TabHeader
        title="Relations"
        action={
          canWrite && (
            <Button variant="primary" onPress={() => setDialog({ kind: 'new' })}>
              New relation
            </Button>
          )
        }
      >
        Links from a lead to one of a fixed set of options, such as the installer who takes the job.
      </TabHeader>
      <QueryState query={campaign}>
        {(data) => (
          <Table aria-label="Relations" className="table">
            <TableHeader>
              <Column isRowHeader>Label</Column>
              <Column>Key</Column>
              <Column>Options</Column>
              {canWrite && <Column>Actions</Column>}
            </TableHeader>
            <TableBody items={data.relations} dependencies={[canWrite]} renderEmptyState={() => 'No relations yet.'}>
              {(relation) => (
                <Row id={relation.key}>
                  <Cell>{relation.label}</Cell>
                  <Cell>
                    <code>{relation.key}</code>
                  </Cell>
                  <Cell>
                    {relation.options.length === 0 ? (
                      <span className="muted">None</span>
                    ) : (
                      <ul className="schema-inline-list">
                        {relation.options.map((option) => (
                          <li key={option.id}>
                            {option.label} <code>{option.id}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Cell>
                  {canWrite && (
                    <Cell>
                      <RowActions
                        name={relation.label}
                        onChange={() => setDialog({ kind: 'change', relation })}
                        onRemove={() => setDialog({ kind: 'remove', relation })}
                      />
                    </Cell>
                  )}
                </Row>
              )}
            </TableBody>
          </Table>
        )}
      </QueryState>
      {dialog?.kind === 'new' && <NewRelationDialog campaignId={campaignId} onClose={close} />}
      {dialog?.kind === 'change' && (
        <ChangeRelationDialog campaignId={campaignId} relation={dialog.relation} onClose={close} />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveDialog
          what={`the relation “${dialog.relation.label}”`}
          target={{ kind: 'relation', key: dialog.relation.key }}
          onClose={close}
        >
          <p>
            New leads can no longer link <code>{dialog.relation.key}</code>: requests that send it are refused (422).
          </p>
        </RemoveDialog>
      )}
    </>
  );
}
