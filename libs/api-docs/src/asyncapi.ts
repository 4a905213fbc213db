import { CLOUDEVENTS_JSON, HEADERS, LEAD_EVENT_TYPES, TOPICS } from '@leadgate/contracts';
import { JsonSchema } from './model';

const DESCRIPTIONS: Record<(typeof LEAD_EVENT_TYPES)[number], string> = {
  'lead.created': 'A lead was created (API, batch or receiver).',
  'lead.updated': 'Fields, select values or relations of a lead changed.',
  'lead.status_changed': 'The status of a lead changed.',
  'lead.deleted': 'A lead was deleted.',
  'lead.quarantined': 'A receiver post was refused and kept in the account quarantine.',
};

/**
 * Internal teams are trusted: the events carry every lead field in full. A token's field access
 * (API.md §13) narrows what that token reads through the API and its webhooks, never this topic.
 */
export const FULL_DATA_NOTE =
  'Internal events carry full lead data: every field, with its stored value. They are not narrowed by any API token’s ' +
  'field access (hidden, masked or read-only fields, API.md §13), which applies to what a token reads through the ' +
  'partner API and its webhooks. Give this topic only to trusted internal consumers.';

/** `lead.status_changed` -> `leadStatusChanged`, a component key. */
export function messageId(type: string): string {
  return type.replace(/[._](\w)/g, (_match, letter: string) => letter.toUpperCase());
}

const LEAD_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    'The lead after the change, in full: every field with its stored value. Not narrowed by any token’s field access.',
  properties: {
    id: { type: 'string' },
    campaign_id: { type: 'string' },
    fields: { type: 'object' },
    select_field_values: { type: 'object' },
    status: { type: 'string' },
    relations: { type: 'object' },
    version: { type: 'integer', minimum: 1 },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    source: { type: 'object' },
  },
};

function envelope(type: string): JsonSchema {
  return {
    type: 'object',
    required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'],
    properties: {
      specversion: { type: 'string', const: '1.0' },
      id: { type: 'string', description: 'Stable per change: de-duplicate on it (delivery is at least once).' },
      source: { type: 'string', description: 'The producing service, e.g. `/leadgate/leads`.' },
      type: { type: 'string', const: type },
      subject: { type: 'string', description: 'The lead id (also the Kafka message key).' },
      time: { type: 'string', format: 'date-time' },
      datacontenttype: { type: 'string', const: 'application/json' },
      data: { $ref: '#/components/schemas/LeadEventData' },
    },
  };
}

/**
 * The Kafka headers of every lead event (ADR 024). `content-type` puts the record in the CloudEvents
 * Kafka binding's structured mode: the whole event is the value, as JSON.
 */
const KAFKA_HEADERS: JsonSchema = {
  type: 'object',
  required: [HEADERS.contentType, HEADERS.requestId, HEADERS.schema, HEADERS.producer],
  properties: {
    [HEADERS.contentType]: {
      type: 'string',
      const: CLOUDEVENTS_JSON,
      description:
        'CloudEvents Kafka protocol binding, structured content mode: the value is one CloudEvent in the JSON event ' +
        'format. CloudEvents SDKs (e.g. `Kafka.toEvent` of the JavaScript SDK) read the event from this header and the value.',
    },
    [HEADERS.requestId]: {
      type: 'string',
      description:
        'The id of the API request (or the relay run) that made the change, for tracing; not unique per event.',
    },
    [HEADERS.schema]: { type: 'string', const: TOPICS.leadEvents, description: 'The payload contract of the value.' },
    [HEADERS.producer]: { type: 'string', description: 'The service that produced the record, e.g. `leads`.' },
  },
};

/**
 * AsyncAPI 3.0 for `leads.events.v1` (API.md §8): one channel, one receive operation, one message
 * per event type, each a CloudEvents 1.0 JSON envelope keyed by lead id.
 */
export function buildAsyncApi(options: { kafkaHost?: string } = {}) {
  const messages = Object.fromEntries(
    LEAD_EVENT_TYPES.map((type) => [
      messageId(type),
      {
        name: type,
        title: type,
        summary: DESCRIPTIONS[type],
        contentType: CLOUDEVENTS_JSON,
        headers: KAFKA_HEADERS,
        payload: envelope(type),
        bindings: {
          kafka: {
            key: {
              type: 'string',
              description:
                'The lead id (the quarantine id for `lead.quarantined`), equal to `subject`: events of one lead stay in order. ' +
                'CloudEvents SDKs hand it over as the `partitionkey` attribute (Kafka binding §3.1).',
            },
            bindingVersion: '0.5.0',
          },
        },
      },
    ]),
  );
  const channelMessages = Object.fromEntries(
    LEAD_EVENT_TYPES.map((type) => [messageId(type), { $ref: `#/components/messages/${messageId(type)}` }]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Leadgate lead events',
      version: '1.0.0',
      description:
        'Every committed change of a lead, at least once, in order per lead, with a stable event id for de-duplication. ' +
        "Values are CloudEvents 1.0 JSON envelopes in the Kafka binding's structured mode: every record carries the " +
        `header \`content-type: ${CLOUDEVENTS_JSON}\`, so CloudEvents SDKs read it as a CloudEvent.\n\n` +
        FULL_DATA_NOTE,
    },
    defaultContentType: CLOUDEVENTS_JSON,
    servers: {
      kafka: {
        host: options.kafkaHost ?? 'localhost:9092',
        protocol: 'kafka',
        description: 'The platform Kafka cluster (KAFKA_BROKERS).',
      },
    },
    channels: {
      leadEvents: {
        address: TOPICS.leadEvents,
        description: `Lead events, keyed by lead id. ${FULL_DATA_NOTE}`,
        messages: channelMessages,
      },
    },
    operations: {
      receiveLeadEvents: {
        action: 'receive',
        channel: { $ref: '#/channels/leadEvents' },
        summary: 'Consume lead events (use a consumer group of your own).',
        messages: LEAD_EVENT_TYPES.map((type) => ({ $ref: `#/channels/leadEvents/messages/${messageId(type)}` })),
      },
    },
    components: {
      messages,
      schemas: {
        Lead: LEAD_SCHEMA,
        LeadEventData: {
          type: 'object',
          required: ['campaign_id', 'lead', 'changed', 'actor'],
          properties: {
            campaign_id: { type: 'string' },
            lead: { $ref: '#/components/schemas/Lead' },
            changed: { type: 'array', items: { type: 'string' }, description: 'The keys that changed.' },
            actor: {
              type: 'object',
              required: ['kind', 'id'],
              properties: { kind: { type: 'string' }, id: { type: 'string' } },
              description: 'Who made the change: a token, a credential or the receiver.',
            },
          },
        },
      },
    },
  };
}
