import { FieldAccessDialog } from './field-access-dialog';
import { RenameTokenDialog } from './rename-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { RotateTokenDialog } from './rotate-token-dialog';
import type { Token } from './token-queries';
import type { TokenAction } from './token-row-actions';

/** The dialog of the action chosen beside a token, if any (mounted only while open, so nothing lingers). */
export function TokenActionDialogs({
  pending,
  onClose,
}: {
  pending: { action: TokenAction; token: Token } | null;
  onClose: () => void;
}) {
  if (!pending) return null;
  switch (pending.action) {
    case 'rotate':
      return <RotateTokenDialog token={pending.token} onClose={onClose} />;
    case 'revoke':
      return <RevokeTokenDialog token={pending.token} onClose={onClose} />;
    case 'rename':
      return <RenameTokenDialog token={pending.token} onClose={onClose} />;
    case 'field_access':
      return <FieldAccessDialog token={pending.token} onClose={onClose} />;
  }
}
