import { useState } from 'react';
import { useParams } from 'react-router';
import { useFilters } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { QueryState } from '@console/ui/query-state';
import { CampaignTokenTable } from './campaign-token-table';
import { NewCampaignTokenDialog } from './new-campaign-token-dialog';
import { TokenActionDialogs } from './token-action-dialogs';
import { useCampaignTokens, type Token } from './token-queries';
import type { TokenAction } from './token-row-actions';

const WRITE_ACTIONS: readonly TokenAction[] = ['field_access', 'rotate', 'revoke'];

/** The campaign's **API Tokens** tab: partner tokens, each limited to this campaign and maybe a filter. */
export function CampaignTokensTab() {
  const { campaignId = '' } = useParams();
  const tokens = useCampaignTokens(campaignId);
  const filters = useFilters(campaignId);
  const canWrite = useCan('tokens:write');
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ action: TokenAction; token: Token } | null>(null);
  const filterNames = new Map((filters.data ?? []).map((filter) => [filter.id, filter.name]));
  return (
    <>
      <div className="section-header">
        <h2>API Tokens</h2>
        {canWrite && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            New API token
          </Button>
        )}
      </div>
      <p className="muted">
        Tokens for partners: each works on this campaign only, on the leads its filter matches, with Read or Read and
        Write.
      </p>
      <QueryState query={tokens}>
        {(data) => (
          <CampaignTokenTable
            tokens={data}
            filterNames={filterNames}
            actions={canWrite ? WRITE_ACTIONS : []}
            onAction={(action, token) => setPending({ action, token })}
          />
        )}
      </QueryState>
      {creating && <NewCampaignTokenDialog campaignId={campaignId} onClose={() => setCreating(false)} />}
      <TokenActionDialogs pending={pending} onClose={() => setPending(null)} />
    </>
  );
}
