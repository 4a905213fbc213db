import { isPublicId, PUBLIC_ID_LENGTH, TokenKind } from './token-string';

/**
 * Ids under which tokens and credentials are stored and published: a type prefix and the public id
 * that the token string carries, so a presented token maps to its record without a search.
 */
export const TOKEN_ID_PREFIXES = {
  api_token: 'tok_',
  client_secret: 'cred_',
  access_token: 'acc_',
  session: 'ses_',
  // An invitation is stored on the user it invites: the same public id.
  invitation: 'usr_',
} as const satisfies Record<TokenKind, string>;

function requirePublicId(publicId: string): void {
  if (!isPublicId(publicId)) throw new TypeError('publicId must be 16 base62 characters');
}

/** `tok_<publicId>`, `cred_<publicId>` or `acc_<publicId>`. Throws on a public id this module never makes. */
export function tokenIdFor(kind: TokenKind, publicId: string): string {
  requirePublicId(publicId);
  return `${TOKEN_ID_PREFIXES[kind]}${publicId}`;
}

/** The public id inside a stored id of `kind`, or null if `id` is not one. */
export function publicIdOfTokenId(kind: TokenKind, id: unknown): string | null {
  const prefix = TOKEN_ID_PREFIXES[kind];
  if (typeof id !== 'string' || !id.startsWith(prefix)) return null;
  const publicId = id.slice(prefix.length);
  return isPublicId(publicId) ? publicId : null;
}

/**
 * OAuth2 client ids: `lgc_<publicId>`, the same public id as the credential (`cred_<publicId>`) and
 * its secret (`lgs_<publicId>_...`). Not a secret, so no checksum; a secret whose public id differs
 * from the client id's is refused by the caller.
 */
export const CLIENT_ID_PREFIX = 'lgc_';

export function clientIdFor(publicId: string): string {
  requirePublicId(publicId);
  return `${CLIENT_ID_PREFIX}${publicId}`;
}

/** The public id inside a client id, or null if `value` is not a well-formed client id. */
export function parseClientId(value: unknown): string | null {
  if (typeof value !== 'string' || value.length !== CLIENT_ID_PREFIX.length + PUBLIC_ID_LENGTH) return null;
  if (!value.startsWith(CLIENT_ID_PREFIX)) return null;
  const publicId = value.slice(CLIENT_ID_PREFIX.length);
  return isPublicId(publicId) ? publicId : null;
}
