import { useState } from 'react';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { PageHeader } from '@console/ui/page-header';
import { QueryState } from '@console/ui/query-state';
import { CredentialTable } from './credential-table';
import { useCredentials } from './credential-queries';
import { NewCredentialDialog } from './new-credential-dialog';

/** **API Credentials**: OAuth2 client credentials (client id + secret) that machines trade for access tokens. */
export function CredentialsPage() {
  const credentials = useCredentials();
  const canWrite = useCan('credentials:write');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="API Credentials">
        {canWrite && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            New API credential
          </Button>
        )}
      </PageHeader>
      <p className="muted">
        A client credential gets short-lived access tokens from <code>POST /oauth/token</code> (client credentials
        grant). Disabling one stops its access tokens at once.
      </p>
      <QueryState query={credentials}>
        {(data) => <CredentialTable credentials={data} canWrite={canWrite} />}
      </QueryState>
      {creating && <NewCredentialDialog onClose={() => setCreating(false)} />}
    </>
  );
}
