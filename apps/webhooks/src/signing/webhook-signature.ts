import { createHmac } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** The headers a delivery carries per the Standard Webhooks specification (API.md §12). */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export interface SignedMessage {
  /** The event id: receivers de-duplicate by it, so every attempt of one event carries the same id. */
  id: string;
  /** Unix seconds of this attempt (receivers refuse stale timestamps, so it is taken per attempt). */
  timestamp: number;
  /** The exact bytes sent: the signature covers them, so nothing may re-serialise the body afterwards. */
  body: string;
}

/** The key bytes of a `whsec_` secret: the base64 after the prefix (the prefix alone is not key material). */
export function secretKeyBytes(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16) throw new Error('webhook secret is too short');
  return key;
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`: the Standard Webhooks symmetric signature. */
export function webhookSignature(message: SignedMessage, secret: string): string {
  const mac = createHmac('sha256', secretKeyBytes(secret))
    .update(`${message.id}.${message.timestamp}.${message.body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export function webhookHeaders(message: SignedMessage, secret: string): WebhookHeaders {
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': webhookSignature(message, secret),
  };
}
