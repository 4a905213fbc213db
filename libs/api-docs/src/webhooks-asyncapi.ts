import { WEBHOOK_EVENT_TYPES } from '@leadgate/contracts';
import { tokenView } from './field-access-docs';
import { leadSchema } from './json-schema';
import { TokenDocsInput } from './model';
import { suffixFor } from './operations';
import { messageId } from './asyncapi';
import {
  DELIVERY_RULES,
  receivesLeadEvents,
  SLICE_RULE,
  WEBHOOK_EVENTS,
  WEBHOOK_HEADERS,
  webhookEventSchema,
} from './webhooks-docs';

/**
 * AsyncAPI 3.0 of what this token's webhook subscriptions receive (API.md §12): one channel (your
 * endpoint), one message per event type, each a CloudEvent whose `data.lead` is the lead as this
 * token reads it (hidden fields absent, masked ones marked), with the Standard Webhooks headers.
 * Null for a token that reads no leads: it has nothing to receive.
 */
export function buildTokenAsyncApi(token: TokenDocsInput) {
  // Hidden fields leave here, before anything is built, as in the OpenAPI and the page.
  const input = tokenView(token);
  if (!receivesLeadEvents(input)) return null;
  const count = input.campaigns.length;
  const leads = Object.fromEntries(
    input.campaigns.map((campaign) => [`Lead${suffixFor(campaign, count)}`, leadSchema(campaign)]),
  );
  const leadRefs = Object.keys(leads).map((name) => ({ $ref: `#/components/schemas/${name}` }));
  const messages = Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      messageId(type),
      {
        name: type,
        title: type,
        summary: WEBHOOK_EVENTS[type],
        contentType: 'application/json',
        headers: {
          type: 'object',
          required: Object.keys(WEBHOOK_HEADERS),
          properties: Object.fromEntries(
            Object.entries(WEBHOOK_HEADERS).map(([name, description]) => [name, { type: 'string', description }]),
          ),
        },
        payload: webhookEventSchema(type, leadRefs),
        bindings: { http: { bindingVersion: '0.3.0' } },
      },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: `Leadgate webhooks: ${input.title}`,
      version: input.campaigns.map((campaign) => `${campaign.schema.id}@${campaign.schema.version}`).join(' '),
      description: `${SLICE_RULE}\n\n${DELIVERY_RULES}`,
    },
    defaultContentType: 'application/json',
    channels: {
      yourEndpoint: {
        description: 'The `url` of the subscription: Leadgate POSTs each event there.',
        messages: Object.fromEntries(
          WEBHOOK_EVENT_TYPES.map((type) => [messageId(type), { $ref: `#/components/messages/${messageId(type)}` }]),
        ),
      },
    },
    operations: {
      receiveLeadWebhooks: {
        action: 'receive',
        channel: { $ref: '#/channels/yourEndpoint' },
        summary: 'Your endpoint receives the events its subscription asked for.',
        bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
        messages: WEBHOOK_EVENT_TYPES.map((type) => ({
          $ref: `#/channels/yourEndpoint/messages/${messageId(type)}`,
        })),
      },
    },
    components: { messages, schemas: leads },
  };
}
