import { covers } from '@leadgate/auth-core/scopes';
import { useState } from 'react';
import { useCan, useSession } from '@console/session/session';
import { Button } from '@console/ui/button';
import { PageHeader } from '@console/ui/page-header';
import { QueryState } from '@console/ui/query-state';
import { AccountTokenTable } from './account-token-table';
import { NewAccountTokenDialog } from './new-account-token-dialog';
import { TokenActionDialogs } from './token-action-dialogs';
import { useAccountTokens, type Token } from './token-queries';
import type { TokenAction } from './token-row-actions';

const WRITE_ACTIONS: readonly TokenAction[] = ['rename', 'rotate', 'revoke'];

/** **API Tokens** of the account: tokens for internal integrations, with scopes rather than a campaign. */
export function AccountTokensPage() {
  const tokens = useAccountTokens();
  const held = useSession().data?.scopes ?? [];
  const canWrite = useCan('tokens:write');
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ action: TokenAction; token: Token } | null>(null);
  // A token the person's scopes do not cover can be seen, not changed (the API answers 403).
  const actionsFor = (token: Token) => (canWrite && covers(held, token.scopes) ? WRITE_ACTIONS : []);
  return (
    <>
      <PageHeader title="API Tokens">
        {canWrite && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            New API token
          </Button>
        )}
      </PageHeader>
      <p className="muted">
        Account tokens are for your own integrations: they reach every campaign, within their scopes. Partner tokens
        live on each campaign&apos;s API Tokens tab.
      </p>
      <QueryState query={tokens}>
        {(data) => (
          <AccountTokenTable
            tokens={data}
            actionsFor={actionsFor}
            onAction={(action, token) => setPending({ action, token })}
          />
        )}
      </QueryState>
      {creating && <NewAccountTokenDialog onClose={() => setCreating(false)} />}
      <TokenActionDialogs pending={pending} onClose={() => setPending(null)} />
    </>
  );
}
