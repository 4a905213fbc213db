import { Button } from '@console/ui/button';
import { CopyButton } from '@console/ui/copy-button';
import { SecretOnce } from '@console/ui/secret-once';
import type { AnswerOf } from '@console/api/operations';

/** The new credential's client id (not a secret, but needed with it) and its **Client secret**, once. */
export function CredentialSecret({
  credential,
  onDone,
}: {
  credential: AnswerOf<'createCredential', 201>;
  onDone: () => void;
}) {
  return (
    <>
      <p role="status">The credential is ready. Exchange its client id and secret at /oauth/token for access tokens.</p>
      <div className="secret">
        <label htmlFor="credential-client-id">Client id</label>
        <div className="secret-row">
          <input id="credential-client-id" className="secret-value" readOnly value={credential.client_id} />
          <CopyButton text={credential.client_id} label="Copy client id" />
        </div>
      </div>
      <SecretOnce label="Client secret" value={credential.client_secret} />
      <div className="form-actions">
        <Button variant="primary" autoFocus onPress={onDone}>
          Done
        </Button>
      </div>
    </>
  );
}
