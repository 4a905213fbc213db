import { useState } from 'react';
import { useParams } from 'react-router';
import { useCampaign } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { QueryState } from '@console/ui/query-state';
import { AddOptionDialog, ChangeOptionDialog } from './option-dialogs';
import { RemoveDialog } from './remove-dialog';
import { SelectSection, type SelectAction } from './select-section';
import { ChangeSelectDialog, NewSelectDialog } from './select-dialogs';
import { TabHeader } from './tab-header';

type Dialog = { kind: 'new' } | SelectAction;

/** The campaign's **Selects** tab: each select list with its options (the values filters pin partners to). */
export function SelectsTab() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const canWrite = useCan('campaigns:write');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  return (
    <>
      <TabHeader
        title="Selects"
        action={
          canWrite && (
            <Button variant="primary" onPress={() => setDialog({ kind: 'new' })}>
              New select
            </Button>
          )
        }
      >
        Select lists and their options. A lead holds one option&apos;s value per select; a filter such as “Source is
        Partner ABC” gives a partner exactly its leads.
      </TabHeader>
      <QueryState query={campaign}>
        {(data) =>
          data.selects.length === 0 ? (
            <p>No selects yet.</p>
          ) : (
            data.selects.map((select) => (
              <SelectSection key={select.key} select={select} canWrite={canWrite} onAction={setDialog} />
            ))
          )
        }
      </QueryState>
      {dialog && <SelectDialog campaignId={campaignId} dialog={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}

function SelectDialog({ campaignId, dialog, onClose }: { campaignId: string; dialog: Dialog; onClose: () => void }) {
  switch (dialog.kind) {
    case 'new':
      return <NewSelectDialog campaignId={campaignId} onClose={onClose} />;
    case 'add-option':
      return <AddOptionDialog campaignId={campaignId} select={dialog.select} onClose={onClose} />;
    case 'change-select':
      return <ChangeSelectDialog campaignId={campaignId} select={dialog.select} onClose={onClose} />;
    case 'change-option':
      return (
        <ChangeOptionDialog campaignId={campaignId} select={dialog.select} option={dialog.option} onClose={onClose} />
      );
    case 'remove-select':
      return (
        <RemoveDialog
          what={`the select “${dialog.select.label}”`}
          target={{ kind: 'select', key: dialog.select.key }}
          onClose={onClose}
        >
          <p>
            New leads can no longer carry <code>{dialog.select.key}</code> nor any of its {dialog.select.options.length}{' '}
            options.
          </p>
        </RemoveDialog>
      );
    case 'remove-option':
      return (
        <RemoveDialog
          what={`the option “${dialog.option.label}”`}
          target={{ kind: 'option', key: dialog.select.key, value: dialog.option.value }}
          onClose={onClose}
        >
          <p>
            New leads can no longer hold <code>{dialog.option.value}</code> in {dialog.select.label}: requests that send
            it are refused (422).
          </p>
        </RemoveDialog>
      );
  }
}
