import { errorMessage } from '@console/api/problem';
import { Button } from '@console/ui/button';
import { type Credential, useSetCredentialEnabled } from './credential-queries';

/**
 * **Disable** or **Enable** one credential. Buttons rather than a Switch: inside a React Aria Table
 * the row takes the Space key for itself, so a native switch there could not be toggled from the
 * keyboard; a React Aria Button handles its keys before the row sees them.
 */
export function CredentialEnableButton({ credential }: { credential: Credential }) {
  const toggle = useSetCredentialEnabled(credential.id);
  return (
    <div className="credential-toggle">
      <Button
        variant={credential.enabled ? 'danger' : 'secondary'}
        isPending={toggle.isPending}
        onPress={() => toggle.mutate(!credential.enabled)}
      >
        {credential.enabled ? 'Disable' : 'Enable'}
      </Button>
      {toggle.isError && (
        <span role="alert" className="field-error">
          {errorMessage(toggle.error)}
        </span>
      )}
    </div>
  );
}
