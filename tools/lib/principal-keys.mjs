// @ts-check
// The Ed25519 key pairs of the signed principal (ADR 010): the gateway's (it signs every forwarded
// request; services hold only its public half) and the operator's (it signs the CLI's account
// bootstrap; only identity holds its public half). Keys travel as base64 DER: PKCS8 private, SPKI public.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm start` keeps its key pairs: the git-ignored .infra folder of this checkout. */
export const KEY_DIR = path.join(root, '.infra', 'keys');

export function generateKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    private: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    public: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/** This machine's pairs, made once and reused, so restarts of single services agree. */
export function ensureKeyPairs(dir = KEY_DIR) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  /** @type {Record<'gateway' | 'operator', { private: string; privateFile: string; public: string }>} */
  const pairs = /** @type {any} */ ({});
  for (const name of /** @type {const} */ (['gateway', 'operator'])) {
    const privateFile = path.join(dir, `${name}.key`);
    const publicFile = path.join(dir, `${name}.pub`);
    if (!existsSync(privateFile) || !existsSync(publicFile)) {
      const pair = generateKeyPair();
      writeFileSync(privateFile, `${pair.private}\n`, { mode: 0o600 });
      writeFileSync(publicFile, `${pair.public}\n`, { mode: 0o644 });
    }
    pairs[name] = {
      private: readFileSync(privateFile, 'utf8').trim(),
      privateFile,
      public: readFileSync(publicFile, 'utf8').trim(),
    };
  }
  return { ...pairs, webhookSecretKeys: ensureWebhookSecretKeys(dir) };
}

/**
 * The webhooks service's sealing key list (ADR 020), `<key id>:<base64 of 32 bytes>`, made once
 * beside the pairs: secrets sealed before a restart must still open after it.
 */
export function ensureWebhookSecretKeys(dir = KEY_DIR) {
  const file = path.join(dir, 'webhook-secret.keys');
  if (!existsSync(file)) {
    writeFileSync(file, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return { file, value: readFileSync(file, 'utf8').trim() };
}

/**
 * The key settings of one service process: every service verifies with the gateway's public key,
 * identity also with the operator's, and only the gateway gets a private key (inline, or as a file
 * when `asFile`, the way a mounted Secret arrives); the webhooks service alone its sealing keys.
 * @param {string} app
 * @param {{ gateway: { public: string; private: string; privateFile?: string }; operator: { public: string };
 *   webhookSecretKeys?: { file: string; value: string } }} pairs
 */
export function keyEnv(app, pairs, { asFile = false } = {}) {
  const sealing = app === 'webhooks' ? pairs.webhookSecretKeys : undefined;
  return {
    ...(sealing ? (asFile ? { WEBHOOK_SECRET_KEYS_FILE: sealing.file } : { WEBHOOK_SECRET_KEYS: sealing.value }) : {}),
    PRINCIPAL_VERIFY_KEY: pairs.gateway.public,
    ...(app === 'identity' ? { OPERATOR_VERIFY_KEY: pairs.operator.public } : {}),
    ...(app === 'gateway'
      ? asFile
        ? { PRINCIPAL_SIGNING_KEY_FILE: pairs.gateway.privateFile }
        : { PRINCIPAL_SIGNING_KEY: pairs.gateway.private }
      : {}),
  };
}
