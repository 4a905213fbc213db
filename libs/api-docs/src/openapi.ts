import { OPAQUE_FILE_TYPE, SERVED_FILE_TYPES } from '@leadgate/contracts';
import { createExample, leadExample, updateExample, validationErrorExample } from './examples';
import { levelOf, tokenView } from './field-access-docs';
import { leadBodySchema, leadSchema, MAX_BATCH, oneOfValues, queryValueSchema } from './json-schema';
import { CampaignDocs, JsonSchema, TokenDocsInput, trimBaseUrl } from './model';
import { problems, RATE_LIMIT_HEADERS, ref, sharedComponents } from './openapi-components';
import { CampaignOperation, operationsFor, suffixFor } from './operations';
import { openApiWebhooks, WEBHOOK_SCHEMAS, webhookPaths } from './webhooks-openapi';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  /** What this token's webhook subscriptions receive (API.md §12), when it reads leads. */
  webhooks?: Record<string, Record<string, JsonSchema>>;
  components: ReturnType<typeof sharedComponents>;
}

const json = (schema: unknown, example?: unknown) => ({
  'application/json': { schema, ...(example !== undefined ? { example } : {}) },
});

const answer = (description: string, content?: Record<string, unknown>, headers: Record<string, unknown> = {}) => ({
  description,
  headers: { ...RATE_LIMIT_HEADERS, ...headers },
  ...(content ? { content } : {}),
});

/** One entry per Content-Type a download can have (the lead service's table), each a binary body. */
function downloadContent(): Record<string, unknown> {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return Object.fromEntries([...Object.keys(SERVED_FILE_TYPES), OPAQUE_FILE_TYPE].map((type) => [type, binary]));
}

export function tagOf(campaign: CampaignDocs, count: number): string {
  return count === 1 ? campaign.schema.name : `${campaign.schema.name} (${campaign.schema.id})`;
}

/**
 * Query parameters of the list: the fixed ones plus `status`, one `select.<key>` per select and one
 * `field.<key>` per field the token reads unmasked (a masked or hidden field is refused: 400).
 */
function listParameters(campaign: CampaignDocs): unknown[] {
  const { schema } = campaign;
  const filterable = schema.fields.filter((field) => levelOf(campaign, field.key) !== 'masked');
  return [
    {
      name: 'status',
      in: 'query',
      schema: oneOfValues(schema.statuses.map((status) => status.slug)),
      description: 'Only leads with this status slug.',
    },
    ...schema.selects.map((select) => ({
      name: `select.${select.key}`,
      in: 'query',
      schema: oneOfValues(select.options.map((option) => option.value)),
      description: `Only leads whose "${select.label}" is this value.`,
    })),
    ...filterable.map((field) => ({
      name: `field.${field.key}`,
      in: 'query',
      schema: queryValueSchema(field),
      description: `Only leads whose "${field.label}" is exactly this value.`,
    })),
    ref('parameters', 'UpdatedSince'),
    ref('parameters', 'Limit'),
    ref('parameters', 'Cursor'),
  ];
}

function campaignSchemas(campaign: CampaignDocs, s: string): Record<string, JsonSchema> {
  const lead = ref('schemas', `Lead${s}`);
  return {
    [`LeadCreate${s}`]: leadBodySchema(campaign, 'create'),
    [`LeadUpdate${s}`]: leadBodySchema(campaign, 'update'),
    [`Lead${s}`]: leadSchema(campaign),
    [`LeadList${s}`]: {
      type: 'object',
      required: ['data', 'next_cursor'],
      properties: { data: { type: 'array', items: lead }, next_cursor: { type: ['string', 'null'] } },
    },
    [`LeadBatch${s}`]: {
      type: 'object',
      required: ['leads'],
      properties: {
        leads: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: ref('schemas', `LeadCreate${s}`) },
      },
      additionalProperties: false,
    },
    [`LeadBatchResult${s}`]: {
      type: 'object',
      required: ['created', 'failed', 'not_processed', 'results'],
      properties: {
        created: { type: 'integer', minimum: 0 },
        failed: { type: 'integer', minimum: 0 },
        not_processed: { type: 'integer', minimum: 0 },
        results: {
          type: 'array',
          items: {
            type: 'object',
            required: ['index', 'status'],
            properties: {
              index: { type: 'integer', minimum: 0 },
              status: { type: 'string', enum: ['created', 'error', 'not_processed'] },
              lead,
              error: ref('schemas', 'Problem'),
              reason: {
                type: 'string',
                enum: ['deadline'],
                description: 'Why a `not_processed` item was not started.',
              },
            },
          },
        },
      },
    },
    [`CampaignSchema${s}`]: {
      type: 'object',
      required: ['campaign_id', 'name', 'fields', 'selects', 'statuses', 'relations'],
      properties: {
        campaign_id: { type: 'string', const: campaign.schema.id },
        name: { type: 'string' },
        version: { type: 'integer' },
        fields: { type: 'array', items: { type: 'object' } },
        selects: { type: 'array', items: { type: 'object' } },
        statuses: { type: 'array', items: { type: 'object' } },
        relations: { type: 'array', items: { type: 'object' } },
        filter: { type: ['object', 'null'] },
      },
    },
  };
}

function operationObject(op: CampaignOperation, s: string, tag: string): JsonSchema {
  const head = {
    operationId: op.operationId,
    summary: op.summary,
    description: `${op.description}\n\nNeeds the \`${op.scope}\` scope.`,
    tags: [tag],
  };
  const lead = ref('schemas', `Lead${s}`);
  const leadId = ref('parameters', 'LeadId');
  const etag = { ETag: ref('headers', 'ETag') };
  switch (op.kind) {
    case 'schema':
      return {
        ...head,
        responses: {
          '200': answer('The schema.', json(ref('schemas', `CampaignSchema${s}`))),
          ...problems('401', '403', '404', '429'),
        },
      };
    case 'list':
      return {
        ...head,
        parameters: listParameters(op.campaign),
        responses: {
          '200': answer(
            'A page of leads.',
            json(ref('schemas', `LeadList${s}`), { data: [leadExample(op.campaign)], next_cursor: null }),
          ),
          ...problems('400', '401', '403', '404', '429', '431', '503'),
        },
      };
    case 'create':
      return {
        ...head,
        parameters: [ref('parameters', 'IdempotencyKey')],
        requestBody: { required: true, content: json(ref('schemas', `LeadCreate${s}`), createExample(op.campaign)) },
        responses: {
          '201': answer('The lead as stored, as this token reads it.', json(lead, leadExample(op.campaign)), {
            Location: ref('headers', 'Location'),
            ...etag,
            'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed'),
          }),
          ...problems('400', '401', '403', '404', '409', '413', '422', '429', '503', '504'),
        },
      };
    case 'batch':
      return {
        ...head,
        parameters: [ref('parameters', 'IdempotencyKey')],
        requestBody: {
          required: true,
          content: json(ref('schemas', `LeadBatch${s}`), { leads: [createExample(op.campaign)] }),
        },
        responses: {
          '200': answer(
            'One result per item, in order. Items the deadline stopped before they were started are ' +
              '`not_processed` (nothing of them was stored): send those again.',
            json(ref('schemas', `LeadBatchResult${s}`)),
          ),
          ...problems('400', '401', '403', '404', '409', '413', '422', '429', '503', '504'),
        },
      };
    case 'get':
      return {
        ...head,
        parameters: [leadId],
        responses: {
          '200': answer('The lead.', json(lead, leadExample(op.campaign)), etag),
          ...problems('401', '403', '404', '429', '503'),
        },
      };
    case 'update':
      return {
        ...head,
        parameters: [leadId, ref('parameters', 'IfMatch')],
        requestBody: { required: true, content: json(ref('schemas', `LeadUpdate${s}`), updateExample(op.campaign)) },
        responses: {
          '200': answer('The lead after the change.', json(lead, leadExample(op.campaign)), etag),
          ...problems('400', '401', '403', '404', '412', '413', '422', '429', '503'),
        },
      };
    case 'listFiles':
      return {
        ...head,
        parameters: [leadId],
        responses: {
          '200': answer('The files.', json(ref('schemas', 'FileList'))),
          ...problems('401', '403', '404', '429'),
        },
      };
    case 'uploadFile':
      return {
        ...head,
        parameters: [leadId],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
                // Other parts are ignored, but a part's name sits in its header: control characters
                // there make the body malformed (400).
                propertyNames: { pattern: '^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F]*$' },
              },
            },
          },
        },
        responses: {
          '201': answer('The stored file.', json(ref('schemas', 'File'))),
          // 422: no part named `file` (or more than one).
          ...problems('400', '401', '403', '404', '413', '422', '429'),
        },
      };
    case 'downloadFile':
      return {
        ...head,
        parameters: [leadId, ref('parameters', 'FileId')],
        responses: {
          '200': answer(
            'The file, as an attachment: served as its uploaded type when that is one listed here, else as bytes.',
            downloadContent(),
          ),
          ...problems('401', '403', '404', '429'),
        },
      };
  }
}

/**
 * The OpenAPI 3.1 document of one token: only the operations its scopes allow, on each campaign it
 * reaches (with the campaign id in the paths), with the campaign's schema as JSON Schema.
 */
export function buildOpenApi(token: TokenDocsInput): OpenApiDocument {
  // Hidden fields leave here, before anything is built: no part of the document can name them.
  const input = tokenView(token);
  const components = sharedComponents(validationErrorExample(input.campaigns));
  const paths: OpenApiDocument['paths'] = {
    '/v1/me': {
      get: {
        operationId: 'me',
        summary: 'Who am I',
        description:
          'The calling token as the platform sees it: id, kind, scopes, campaign, filter, field access (what it sees of each field), expiry.',
        tags: ['Token'],
        responses: { '200': answer('The token.', json({ type: 'object' })), ...problems('401', '429') },
      },
    },
  };
  const count = input.campaigns.length;
  const tags = [{ name: 'Token', description: 'The calling token.' }];
  for (const campaign of input.campaigns) {
    const s = suffixFor(campaign, count);
    const tag = tagOf(campaign, count);
    tags.push({
      name: tag,
      description: `Leads of campaign "${campaign.schema.name}" (id \`${campaign.schema.id}\`).`,
    });
    Object.assign(components.schemas, campaignSchemas(campaign, s));
    for (const op of operationsFor(input.scopes, campaign, s)) {
      paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op, s, tag) };
    }
  }
  const subscriptions = webhookPaths(input.scopes);
  const webhooks = openApiWebhooks(input);
  if (Object.keys(subscriptions).length > 0 || Object.keys(webhooks).length > 0) {
    Object.assign(paths, subscriptions);
    Object.assign(components.schemas, WEBHOOK_SCHEMAS);
    tags.push({
      name: 'Webhooks',
      description: 'Leads pushed to your endpoint, as this token reads them (API.md §12).',
    });
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Leadgate API: ${input.title}`,
      version: input.campaigns.map((campaign) => `${campaign.schema.id}@${campaign.schema.version}`).join(' ') || '1',
      description:
        `The Leadgate partner API as this ${input.kind} token may use it (scopes: ${input.scopes.join(' ') || 'none'}). ` +
        'Errors are RFC 9457 problem details (`application/problem+json`). Every answer carries RateLimit-* headers.',
    },
    servers: [{ url: trimBaseUrl(input.baseUrl) }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    ...(Object.keys(webhooks).length > 0 ? { webhooks } : {}),
    components,
  };
}
