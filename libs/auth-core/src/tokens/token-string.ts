import { crc32 } from './crc32';
import { encodeBase62Fixed, isBase62, randomBase62 } from './base62';

/**
 * Token strings (API.md §2): `<prefix><publicId>_<secret><checksum>`, 59 characters, e.g.
 * `lgt_AbCdEfGh01234567_0123456789abcdefghijABCDEFGHIJkl0GRY7Z` (checksum `0GRY7Z`).
 * - prefix: fixed per kind so that secret scanners can match it;
 * - publicId: 16 base62 characters (~95 bits), the token's own id, so lookup is O(1) by id;
 * - secret: 32 base62 characters from the CSPRNG (~190 bits, the contract asks for 160);
 * - checksum: CRC-32 of everything before it, as 6 base62 digits, so that a mistyped or truncated
 *   token is refused before any lookup. CRC-32 catches every change of one character and every swap
 *   of two neighbours, since either is an error burst shorter than 32 bits.
 */
export const TOKEN_PREFIXES = {
  api_token: 'lgt_',
  client_secret: 'lgs_',
  access_token: 'lga_',
  /** A person's console session (API.md §11): only ever in the session cookie, never a Bearer token. */
  session: 'lgu_',
  /** A one-time invitation to the console, in the invite link's fragment. */
  invitation: 'lgi_',
} as const;

export type TokenKind = keyof typeof TOKEN_PREFIXES;

export const TOKEN_KINDS = Object.keys(TOKEN_PREFIXES) as TokenKind[];

export const PREFIX_LENGTH = 4;
export const PUBLIC_ID_LENGTH = 16;
export const SECRET_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;
export const TOKEN_STRING_LENGTH = PREFIX_LENGTH + PUBLIC_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

export interface TokenParts {
  kind: TokenKind;
  publicId: string;
  secret: string;
}

export interface GeneratedToken extends TokenParts {
  /** The whole string, shown once and never stored. */
  token: string;
}

export type TokenStringRefusal = 'malformed' | 'bad_checksum' | 'unknown_prefix';

export type ParsedTokenString = ({ ok: true } & TokenParts) | { ok: false; reason: TokenStringRefusal };

const KIND_BY_PREFIX = new Map<string, TokenKind>(TOKEN_KINDS.map((kind) => [TOKEN_PREFIXES[kind], kind]));
const PREFIX_SHAPE = /^[a-z]{3}_/;

// Anything longer than this is refused before a regular expression or a checksum looks at it.
const MAX_INSPECTED_LENGTH = 256;

export function isPublicId(value: unknown): value is string {
  return isBase62(value, PUBLIC_ID_LENGTH);
}

export function generatePublicId(): string {
  return randomBase62(PUBLIC_ID_LENGTH);
}

function checksumOf(body: string): string {
  return encodeBase62Fixed(crc32(body), CHECKSUM_LENGTH);
}

/** The token string of known parts. Throws on parts that could not have come from this module. */
export function formatTokenString(parts: TokenParts): string {
  const prefix = TOKEN_PREFIXES[parts.kind];
  if (prefix === undefined) throw new TypeError(`unknown token kind: ${String(parts.kind)}`);
  if (!isPublicId(parts.publicId)) throw new TypeError('publicId must be 16 base62 characters');
  if (!isBase62(parts.secret, SECRET_LENGTH)) throw new TypeError('secret must be 32 base62 characters');
  const body = `${prefix}${parts.publicId}_${parts.secret}`;
  return body + checksumOf(body);
}

/**
 * A new token string of `kind` with a fresh secret. Pass the `publicId` of an existing token to
 * rotate it: the id stays, only the secret changes.
 */
export function generateTokenString(kind: TokenKind, options: { publicId?: string } = {}): GeneratedToken {
  const publicId = options.publicId ?? generatePublicId();
  const secret = randomBase62(SECRET_LENGTH);
  return { token: formatTokenString({ kind, publicId, secret }), kind, publicId, secret };
}

/**
 * Reads a presented token string without any lookup. Never throws, whatever `value` is. Strict:
 * exact length, base62 only, one known prefix, a matching checksum; no trimming, no case folding.
 * The caller still checks that the kind is the one it expects (a client secret is no Bearer token).
 */
export function parseTokenString(value: unknown): ParsedTokenString {
  if (typeof value !== 'string' || value.length > MAX_INSPECTED_LENGTH) return { ok: false, reason: 'malformed' };
  const prefix = value.slice(0, PREFIX_LENGTH);
  const kind = KIND_BY_PREFIX.get(prefix);
  if (kind === undefined) {
    return { ok: false, reason: PREFIX_SHAPE.test(prefix) ? 'unknown_prefix' : 'malformed' };
  }
  if (value.length !== TOKEN_STRING_LENGTH) return { ok: false, reason: 'malformed' };
  const idEnd = PREFIX_LENGTH + PUBLIC_ID_LENGTH;
  const secretEnd = idEnd + 1 + SECRET_LENGTH;
  const publicId = value.slice(PREFIX_LENGTH, idEnd);
  const secret = value.slice(idEnd + 1, secretEnd);
  const checksum = value.slice(secretEnd);
  if (value[idEnd] !== '_' || !isPublicId(publicId) || !isBase62(secret, SECRET_LENGTH)) {
    return { ok: false, reason: 'malformed' };
  }
  if (!isBase62(checksum, CHECKSUM_LENGTH)) return { ok: false, reason: 'malformed' };
  if (checksumOf(value.slice(0, secretEnd)) !== checksum) return { ok: false, reason: 'bad_checksum' };
  return { ok: true, kind, publicId, secret };
}
