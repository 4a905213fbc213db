import { randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/**
 * A new signing secret as Standard Webhooks writes it: `whsec_` + base64 of 32 random bytes (256
 * bits; the signature key is the decoded bytes). Shown to the caller once, then only sealed.
 */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}
