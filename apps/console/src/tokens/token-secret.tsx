import { Button } from '@console/ui/button';
import { SecretOnce } from '@console/ui/secret-once';
import { DocumentationLink } from './documentation-link';
import type { TokenWithSecret } from './token-queries';

/**
 * The token string of a create or rotate answer, shown this once (it lives only in the mutation's
 * answer, which the dialog resets when it closes), with the documentation link that goes with it.
 */
export function TokenSecret({
  token,
  message,
  onDone,
}: {
  token: TokenWithSecret;
  message: string;
  onDone: () => void;
}) {
  return (
    <>
      <p role="status">{message}</p>
      <SecretOnce label="Token" value={token.token} />
      {token.docs_url && <DocumentationLink url={token.docs_url} />}
      <div className="form-actions">
        <Button variant="primary" autoFocus onPress={onDone}>
          Done
        </Button>
      </div>
    </>
  );
}
