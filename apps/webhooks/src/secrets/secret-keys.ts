import { readFileSync } from 'node:fs';

/** One sealing key: its id travels in every sealed text, so the right key opens it after a rotation. */
export interface SealingKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parses `<key id>:<base64 of 32 bytes>[,<key id>:<base64>...]`; the first key seals. Throws with
 * what is wrong and never with a key's bytes (the message reaches the boot log).
 */
export function parseSealingKeys(text: string): SealingKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new Error('no sealing key given');
  const keys = entries.map((entry, index) => {
    const at = entry.indexOf(':');
    const id = at < 0 ? '' : entry.slice(0, at);
    const encoded = at < 0 ? '' : entry.slice(at + 1);
    if (!KEY_ID.test(id)) throw new Error(`sealing key ${index + 1}: the id must be 1-16 of A-Z a-z 0-9 _ -`);
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) throw new Error(`sealing key "${id}": must be the base64 of exactly 32 bytes`);
    return { id, key };
  });
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new Error('sealing key ids must differ');
  return keys;
}

/** The keys from WEBHOOK_SECRET_KEYS or the file WEBHOOK_SECRET_KEYS_FILE names; exactly one of them. */
export function loadSealingKeys(config: {
  WEBHOOK_SECRET_KEYS?: string | undefined;
  WEBHOOK_SECRET_KEYS_FILE?: string | undefined;
}): SealingKey[] {
  const inline = config.WEBHOOK_SECRET_KEYS;
  const file = config.WEBHOOK_SECRET_KEYS_FILE;
  if ((inline === undefined) === (file === undefined)) {
    throw new Error('set exactly one of WEBHOOK_SECRET_KEYS and WEBHOOK_SECRET_KEYS_FILE');
  }
  return parseSealingKeys(inline ?? readFileSync(file as string, 'utf8'));
}
