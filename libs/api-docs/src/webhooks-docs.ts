import { grants } from '@leadgate/auth-core';
import { WebhookEventType } from '@leadgate/contracts';
import { TokenDocsInput } from './model';

/** What each event a subscription may ask for (API.md §12) means to the receiver. */
export const WEBHOOK_EVENTS: Record<WebhookEventType, string> = {
  'lead.created': 'A lead inside this token’s slice was created.',
  'lead.updated': 'Fields, select values or relations of a lead in this token’s slice changed.',
  'lead.status_changed': 'The status of a lead in this token’s slice changed.',
};

/** The Standard Webhooks headers of every delivery, with what each carries. */
export const WEBHOOK_HEADERS = {
  'webhook-id': 'The event id: the same on every retry of one event. De-duplicate on it (delivery is at least once).',
  'webhook-timestamp': 'When this attempt was signed, in Unix seconds. Refuse a timestamp far from your clock.',
  'webhook-signature':
    '`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the bytes of the ' +
    'secret after `whsec_` (base64-decoded). Several signatures are separated by spaces while a secret rotates.',
} as const;

export const DELIVERY_RULES =
  'Answer any 2xx within 10 s and the event is delivered. Anything else, or no answer in time, is retried with ' +
  'growing, jittered delays for at least 24 h, in order per lead; after 24 h of failures the subscription is ' +
  'disabled, with the reason. `410 Gone` disables it at once. Redirects are not followed.';

export const SLICE_RULE =
  'A subscription sees exactly what its token may read: its campaign, its filter (applied to the lead after the ' +
  'change, so a lead that leaves the slice is not sent again), and its field access (hidden fields absent, masked ' +
  'fields masked, also in `data.changed`). A revoked or expired token’s subscriptions stop at once.';

export const VERIFY_WITH_LIBRARY = `// npm install standardwebhooks
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.LEADGATE_WEBHOOK_SECRET); // the whsec_… secret, shown once
// Throws unless the signature and the timestamp (5 minutes of tolerance) are right.
const event = webhook.verify(rawBody, {
  'webhook-id': request.headers['webhook-id'],
  'webhook-timestamp': request.headers['webhook-timestamp'],
  'webhook-signature': request.headers['webhook-signature'],
});`;

export const VERIFY_BY_HAND = `import { createHmac, timingSafeEqual } from 'node:crypto';

const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
const expected = createHmac('sha256', key).update(\`\${id}.\${timestamp}.\${rawBody}\`).digest();
const valid = signatureHeader.split(' ').some((candidate) => {
  const [version, value] = candidate.split(',');
  const given = Buffer.from(value ?? '', 'base64');
  return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
});`;

export const VERIFY_IN_PYTHON = `import base64, hashlib, hmac, time

def verify(secret: str, headers, raw_body: bytes) -> bool:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > 5 * 60:
        return False  # too old or from the future: refuse it
    signed = f"{msg_id}.{timestamp}.".encode() + raw_body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        version == "v1" and hmac.compare_digest(value, expected)
        for version, _, value in (part.partition(",") for part in headers["webhook-signature"].split(" "))
    )`;

/** Pushed lead events carry leads: only a token that reads leads has any to receive. */
export function receivesLeadEvents(input: Pick<TokenDocsInput, 'scopes' | 'campaigns'>): boolean {
  return grants(input.scopes, 'leads:read') && input.campaigns.length > 0;
}

/** The subscription routes this token may call itself, by scope. */
export function managesWebhooks(scopes: readonly string[]): { read: boolean; write: boolean } {
  return { read: grants(scopes, 'webhooks:read'), write: grants(scopes, 'webhooks:write') };
}

/**
 * The JSON Schema of the CloudEvent a subscription receives for one event type, whose `data.lead`
 * is one of `leadRefs` (the lead schema of each campaign, as this token reads it).
 */
export function webhookEventSchema(type: WebhookEventType, leadRefs: { $ref: string }[]): Record<string, unknown> {
  return {
    type: 'object',
    required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'],
    properties: {
      specversion: { type: 'string', const: '1.0' },
      id: { type: 'string', description: 'The event id, also `webhook-id`: de-duplicate on it.' },
      source: { type: 'string' },
      type: { type: 'string', const: type },
      subject: { type: 'string', description: 'The lead id.' },
      time: { type: 'string', format: 'date-time' },
      datacontenttype: { type: 'string', const: 'application/json' },
      data: {
        type: 'object',
        required: ['campaign_id', 'lead', 'changed'],
        properties: {
          campaign_id: { type: 'string' },
          lead: leadRefs.length === 1 ? leadRefs[0] : { oneOf: leadRefs },
          changed: {
            type: 'array',
            items: { type: 'string' },
            description: 'The keys that changed (that this token sees).',
          },
        },
      },
    },
  };
}
