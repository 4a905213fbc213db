import { Switch } from 'react-aria-components';
import { errorMessage } from '@console/api/problem';
import { type Credential, useSetCredentialEnabled } from './credential-queries';

/** Enable or disable one credential; while the call runs the switch shows what was asked. */
export function CredentialEnabledSwitch({ credential }: { credential: Credential }) {
  const toggle = useSetCredentialEnabled(credential.id);
  return (
    <div className="credential-switch">
      <Switch
        className="switch"
        isSelected={toggle.isPending ? toggle.variables : credential.enabled}
        isDisabled={toggle.isPending}
        onChange={(enabled) => toggle.mutate(enabled)}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Enabled
      </Switch>
      {toggle.isError && (
        <span role="alert" className="field-error">
          {errorMessage(toggle.error)}
        </span>
      )}
    </div>
  );
}
