import { Button } from '@console/ui/button';
import { CopyButton } from '@console/ui/copy-button';
import type { Token } from './token-queries';

export type TokenAction = 'rotate' | 'revoke' | 'rename' | 'field_access';

export interface TokenRowActionsProps {
  token: Token;
  /** The actions the signed-in person may take on this token (none for a revoked or expired one). */
  actions: readonly TokenAction[];
  onAction: (action: TokenAction, token: Token) => void;
}

const LABELS: Record<TokenAction, string> = {
  rename: 'Rename',
  field_access: 'Edit field access',
  rotate: 'Rotate',
  revoke: 'Revoke',
};

/** What can be done beside a token in a list: copy its documentation link, rename, edit field access, rotate, revoke. */
export function TokenRowActions({ token, actions, onAction }: TokenRowActionsProps) {
  const live = token.status === 'active';
  return (
    <div className="token-actions">
      {live && token.docs_url && <CopyButton text={token.docs_url} label="Copy documentation link" />}
      {live &&
        actions.map((action) => (
          <Button
            key={action}
            variant={action === 'revoke' ? 'danger' : 'secondary'}
            onPress={() => onAction(action, token)}
          >
            {LABELS[action]}
          </Button>
        ))}
    </div>
  );
}
