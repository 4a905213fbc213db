import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '@leadgate/contracts';
import { CampaignDocs, JsonSchema, TokenDocsInput } from './model';
import { problems, RATE_LIMIT_HEADERS, ref } from './openapi-components';
import { suffixFor } from './operations';
import {
  DELIVERY_RULES,
  managesWebhooks,
  receivesLeadEvents,
  SLICE_RULE,
  WEBHOOK_EVENTS,
  WEBHOOK_HEADERS,
  webhookEventSchema,
} from './webhooks-docs';

type Operations = Record<string, Record<string, JsonSchema>>;

const json = (schema: unknown) => ({ 'application/json': { schema } });
const answer = (description: string, schema?: unknown) => ({
  description,
  headers: RATE_LIMIT_HEADERS,
  ...(schema ? { content: json(schema) } : {}),
});
const webhookId = { name: 'webhookId', in: 'path', required: true, schema: { type: 'string' } };
const TAG = 'Webhooks';

const EVENTS_SCHEMA = {
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { type: 'string', enum: WEBHOOK_EVENT_TYPES },
};

/** Subscription bodies and answers (API.md §12). */
export const WEBHOOK_SCHEMAS: Record<string, JsonSchema> = {
  WebhookCreate: {
    type: 'object',
    required: ['url', 'events'],
    properties: {
      url: { type: 'string', format: 'uri', maxLength: 2048, description: 'Your endpoint: `https` only.' },
      events: EVENTS_SCHEMA,
      description: { type: ['string', 'null'], minLength: 1, maxLength: 500 },
    },
    additionalProperties: false,
  },
  WebhookUpdate: {
    type: 'object',
    minProperties: 1,
    properties: {
      url: { type: 'string', format: 'uri', maxLength: 2048 },
      events: EVENTS_SCHEMA,
      description: { type: ['string', 'null'], minLength: 1, maxLength: 500 },
      status: {
        type: 'string',
        enum: ['active', 'disabled'],
        description: '`active` turns a disabled subscription back on (and clears the reason); `disabled` pauses it.',
      },
    },
    additionalProperties: false,
  },
  Webhook: {
    type: 'object',
    required: ['id', 'token_id', 'url', 'events', 'status', 'created_at', 'updated_at'],
    properties: {
      id: { type: 'string' },
      token_id: { type: 'string' },
      campaign_id: { type: ['string', 'null'] },
      url: { type: 'string' },
      events: EVENTS_SCHEMA,
      description: { type: ['string', 'null'] },
      status: { type: 'string', enum: ['active', 'disabled'] },
      disabled_reason: { type: ['string', 'null'], description: 'Why it was disabled, e.g. `gone` (410).' },
      disabled_at: { type: ['string', 'null'], format: 'date-time' },
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
      version: { type: 'integer', minimum: 1 },
    },
  },
  WebhookWithSecret: {
    allOf: [
      ref('schemas', 'Webhook'),
      {
        type: 'object',
        required: ['secret'],
        properties: {
          secret: { type: 'string', pattern: '^whsec_', description: 'The signing secret. Shown this once.' },
        },
      },
    ],
  },
  WebhookList: {
    type: 'object',
    required: ['data'],
    properties: { data: { type: 'array', items: ref('schemas', 'Webhook') } },
  },
  WebhookDeliveryList: {
    type: 'object',
    required: ['data', 'next_cursor'],
    properties: {
      data: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            event_id: { type: 'string', description: 'Also the `webhook-id` of every attempt.' },
            event_type: { type: 'string' },
            lead_id: { type: ['string', 'null'] },
            status: { type: 'string', enum: ['pending', 'sending', 'delivered', 'failed', 'cancelled'] },
            reason: { type: ['string', 'null'] },
            attempts: { type: 'integer', minimum: 0 },
            last_answer_status: { type: ['integer', 'null'] },
            last_latency_ms: { type: ['integer', 'null'] },
            next_retry_at: { type: ['string', 'null'], format: 'date-time' },
            created_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
            history: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  attempt: { type: 'integer' },
                  at: { type: 'string', format: 'date-time' },
                  answer_status: { type: ['integer', 'null'] },
                  latency_ms: { type: 'integer' },
                  outcome: { type: 'string', enum: ['delivered', 'failed', 'gone', 'timeout', 'error', 'blocked'] },
                  error: { type: ['string', 'null'] },
                  next_retry_at: { type: ['string', 'null'], format: 'date-time' },
                },
              },
            },
          },
        },
      },
      next_cursor: { type: ['string', 'null'] },
    },
  },
};

/** The `/v1/webhooks` routes a token may call itself, by its `webhooks:*` scopes. */
export function webhookPaths(scopes: readonly string[]): Operations {
  const may = managesWebhooks(scopes);
  const op = (operationId: string, summary: string, scope: string, rest: JsonSchema) => ({
    operationId,
    summary,
    description: `${summary}. Needs the \`${scope}\` scope; only this token’s own subscriptions are reached.`,
    tags: [TAG],
    ...rest,
  });
  const body = (name: string) => ({ required: true, content: json(ref('schemas', name)) });
  const paths: Operations = {};
  const add = (path: string, method: string, operation: JsonSchema) => {
    paths[path] = { ...paths[path], [method]: operation };
  };
  const webhook = ref('schemas', 'Webhook');
  if (may.write) {
    add(
      '/v1/webhooks',
      'post',
      op('createWebhook', 'Subscribe an endpoint', 'webhooks:write', {
        requestBody: body('WebhookCreate'),
        responses: {
          '201': answer('The subscription, with its secret (shown once).', ref('schemas', 'WebhookWithSecret')),
          ...problems('400', '401', '403', '422', '429'),
        },
      }),
    );
    add(
      '/v1/webhooks/{webhookId}',
      'patch',
      op('updateWebhook', 'Change a subscription', 'webhooks:write', {
        parameters: [webhookId],
        requestBody: body('WebhookUpdate'),
        responses: {
          '200': answer('The subscription.', webhook),
          ...problems('400', '401', '403', '404', '422', '429'),
        },
      }),
    );
    add(
      '/v1/webhooks/{webhookId}',
      'delete',
      op('deleteWebhook', 'Remove a subscription', 'webhooks:write', {
        parameters: [webhookId],
        responses: {
          '204': { description: 'Removed.', headers: RATE_LIMIT_HEADERS },
          ...problems('401', '403', '404', '429'),
        },
      }),
    );
    add(
      '/v1/webhooks/{webhookId}/rotate-secret',
      'post',
      op('rotateWebhookSecret', 'Rotate the signing secret', 'webhooks:write', {
        parameters: [webhookId],
        responses: {
          '200': answer('The subscription with its new secret (shown once).', ref('schemas', 'WebhookWithSecret')),
          ...problems('401', '403', '404', '429'),
        },
      }),
    );
    add(
      '/v1/webhooks/{webhookId}/test',
      'post',
      op('testWebhook', 'Send a webhook.test event', 'webhooks:write', {
        parameters: [webhookId],
        responses: {
          '202': { description: 'Queued for delivery.', headers: RATE_LIMIT_HEADERS },
          ...problems('401', '403', '404', '429'),
        },
      }),
    );
    add(
      '/v1/webhooks/{webhookId}/deliveries/{deliveryId}/retry',
      'post',
      op('retryWebhookDelivery', 'Send one delivery again', 'webhooks:write', {
        parameters: [webhookId, { name: 'deliveryId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '202': { description: 'Queued for delivery.', headers: RATE_LIMIT_HEADERS },
          ...problems('401', '403', '404', '429'),
        },
      }),
    );
  }
  if (may.read) {
    add(
      '/v1/webhooks',
      'get',
      op('listWebhooks', 'List subscriptions', 'webhooks:read', {
        responses: {
          '200': answer('This token’s subscriptions.', ref('schemas', 'WebhookList')),
          ...problems('401', '403', '429'),
        },
      }),
    );
    add(
      '/v1/webhooks/{webhookId}',
      'get',
      op('getWebhook', 'Get a subscription', 'webhooks:read', {
        parameters: [webhookId],
        responses: { '200': answer('The subscription.', webhook), ...problems('401', '403', '404', '429') },
      }),
    );
    add(
      '/v1/webhooks/{webhookId}/deliveries',
      'get',
      op('listWebhookDeliveries', 'List delivery attempts', 'webhooks:read', {
        parameters: [
          webhookId,
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
          {
            name: 'cursor',
            in: 'query',
            schema: { type: 'string' },
            description: 'The `next_cursor` of the previous page.',
          },
        ],
        responses: {
          '200': answer('Attempts, newest first.', ref('schemas', 'WebhookDeliveryList')),
          ...problems('401', '403', '404', '429'),
        },
      }),
    );
  }
  return paths;
}

/** The CloudEvent a subscription receives for one event type: `data.lead` is the lead as this token reads it. */
function eventSchema(type: WebhookEventType, campaigns: CampaignDocs[]): JsonSchema {
  return webhookEventSchema(
    type,
    campaigns.map((campaign) => ref('schemas', `Lead${suffixFor(campaign, campaigns.length)}`)),
  );
}

/**
 * OpenAPI 3.1 `webhooks`: what this token's subscriptions receive, one entry per event type, with
 * the Standard Webhooks headers and what each answer does. Empty for a token that reads no leads.
 */
export function openApiWebhooks(input: TokenDocsInput): Operations {
  if (!receivesLeadEvents(input)) return {};
  const headers = Object.entries(WEBHOOK_HEADERS).map(([name, description]) => ({
    name,
    in: 'header',
    required: true,
    description,
    schema: { type: 'string' },
  }));
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace('.', '_')}`,
          summary: WEBHOOK_EVENTS[type],
          description: `${SLICE_RULE}\n\n${DELIVERY_RULES}`,
          tags: [TAG],
          // Leadgate calls you: your endpoint checks the signature, not a bearer token.
          security: [],
          parameters: headers,
          requestBody: { required: true, content: json(eventSchema(type, input.campaigns)) },
          responses: {
            '200': { description: 'Any 2xx within 10 s: delivered.' },
            '410': { description: 'Gone: the subscription is disabled at once.' },
            default: { description: 'Anything else, or no answer in 10 s: retried with backoff for at least 24 h.' },
          },
        },
      },
    ]),
  );
}
