import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as the configuration carries them: base64 DER (SPKI for public keys, PKCS8 for
 * private ones), which fits in one environment variable, or PEM. Anything else throws.
 */
export function parsePublicKeys(value: string): KeyObject[] {
  const pems = value.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g);
  const keys = pems
    ? pems.map((pem) => createPublicKey(pem))
    : value
        .split(/[\s,]+/)
        .filter((entry) => entry !== '')
        .map((entry) => createPublicKey({ key: decodeBase64(entry), format: 'der', type: 'spki' }));
  if (keys.length === 0) throw new Error('no key');
  for (const key of keys) requireEd25519(key);
  return keys;
}

export function parsePrivateKey(value: string): KeyObject {
  const trimmed = value.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: decodeBase64(trimmed), format: 'der', type: 'pkcs8' });
  requireEd25519(key);
  return key;
}

/** base64 DER of the SPKI public key (of a public or a private key), the form PRINCIPAL_VERIFY_KEY takes. */
export function encodePublicKey(key: KeyObject): string {
  return (key.type === 'public' ? key : createPublicKey(key))
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
}

function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new Error('not base64');
  return Buffer.from(text, 'base64');
}

function requireEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType} key, not Ed25519`);
}

/** A zod-friendly check: the problem with a key list, or null when every key parses. */
export function publicKeysProblem(value: string): string | null {
  try {
    parsePublicKeys(value);
    return null;
  } catch (error) {
    return `must be Ed25519 public keys (base64 DER SPKI, comma-separated, or PEM): ${(error as Error).message}`;
  }
}

/** base64 DER of the PKCS8 private key, the form PRINCIPAL_SIGNING_KEY takes. */
export function encodePrivateKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}
