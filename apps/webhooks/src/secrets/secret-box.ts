import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@leadgate/service-kit';
import { WebhooksConfig } from '@webhooks/config';
import { loadSealingKeys, SealingKey } from './secret-keys';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals webhook signing secrets for the database with AES-256-GCM (ADR 020). Signing needs the
 * secret itself, so it cannot be hashed like a token; sealed, a copy of the database alone signs
 * nothing. The sealed text is `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), so a stored secret
 * names the key that opens it and keys can rotate: the first configured key seals, all open.
 */
@Injectable()
export class SecretBox {
  private readonly keys: SealingKey[];

  constructor(
    @Inject(SERVICE_CONFIG) config: Pick<WebhooksConfig, 'WEBHOOK_SECRET_KEYS' | 'WEBHOOK_SECRET_KEYS_FILE'>,
  ) {
    this.keys = loadSealingKeys(config);
  }

  /** The id of the key new secrets are sealed with. */
  get currentKeyId(): string {
    return this.keys[0].id;
  }

  seal(secret: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The format and key id are authenticated too: a sealed text cannot be relabelled.
    cipher.setAAD(Buffer.from(`${FORMAT}.${id}`));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, id, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The secret; throws (without the sealed text) when it is malformed, tampered with or its key is gone. */
  open(sealed: string): string {
    const [format, id, iv, tag, body, ...rest] = sealed.split('.');
    if (format !== FORMAT || rest.length > 0 || !id || !iv || !tag || body === undefined) {
      throw new Error('not a sealed webhook secret');
    }
    const entry = this.keys.find((key) => key.id === id);
    if (!entry) throw new Error(`no sealing key "${id}" is configured`);
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new Error('not a sealed webhook secret');
    const decipher = createDecipheriv('aes-256-gcm', entry.key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${FORMAT}.${id}`));
    decipher.setAuthTag(tagBytes);
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('sealed webhook secret does not open (tampered with, or sealed with another key)');
    }
  }

  /** Whether a stored secret is sealed with an older key (a re-seal sweep after a rotation would pick it). */
  sealedWithOldKey(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentKeyId;
  }
}
