import { randomFillSync } from 'node:crypto';

/**
 * Random bytes for ids (a lead's, a principal's one-time id), drawn from one 4 KiB block of the
 * CSPRNG instead of a call per id: `randomBytes(16)` per request was 1–2 % of the gateway's and
 * the lead service's CPU under ingest (issue 13). Node does the same for `randomUUID`. The bytes
 * are as random; they only arrive in bulk. Not for secrets: those keep a call of their own, so a
 * secret's bytes never sit in a buffer that outlives it.
 */
const BLOCK_BYTES = 4096;
const block = Buffer.alloc(BLOCK_BYTES);
let offset = BLOCK_BYTES;

/** `bytes` fresh random bytes (at most 64) as base64url: no two calls share a byte. */
export function randomIdPart(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 64) throw new RangeError('an id takes 1 to 64 random bytes');
  if (offset + bytes > BLOCK_BYTES) {
    randomFillSync(block);
    offset = 0;
  }
  const part = block.toString('base64url', offset, offset + bytes);
  offset += bytes;
  return part;
}
