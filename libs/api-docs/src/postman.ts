import { createExample, updateExample } from './examples';
import { tokenView } from './field-access-docs';
import { TokenDocsInput, trimBaseUrl } from './model';
import { CampaignOperation, operationsFor, suffixFor } from './operations';
import { tagOf } from './openapi';

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanRequestItem {
  name: string;
  request: {
    method: string;
    header: { key: string; value: string; disabled?: boolean }[];
    url: { raw: string; host: string[]; path: string[]; query?: { key: string; value: string; disabled?: boolean }[] };
    body?: Record<string, unknown>;
    description: string;
  };
}

export interface PostmanCollection {
  info: { name: string; description: string; schema: string };
  auth: { type: 'bearer'; bearer: { key: string; value: string; type: string }[] };
  variable: { key: string; value: string; type: string }[];
  item: { name: string; item: PostmanRequestItem[] }[];
}

/** `{leadId}` becomes the Postman variable `{{leadId}}`. */
function postmanPath(path: string): string[] {
  return path
    .split('/')
    .filter((part) => part.length > 0)
    .map((part) => part.replace(/^\{(\w+)\}$/, '{{$1}}'));
}

function requestItem(op: CampaignOperation): PostmanRequestItem {
  const path = postmanPath(op.path);
  const header: PostmanRequestItem['request']['header'] = [];
  let body: Record<string, unknown> | undefined;
  const raw = (value: unknown) => ({
    mode: 'raw',
    raw: JSON.stringify(value, null, 2),
    options: { raw: { language: 'json' } },
  });
  if (op.kind === 'create' || op.kind === 'batch') {
    header.push({ key: 'Content-Type', value: 'application/json' }, { key: 'Idempotency-Key', value: '{{$guid}}' });
    body = raw(op.kind === 'create' ? createExample(op.campaign) : { leads: [createExample(op.campaign)] });
  } else if (op.kind === 'update') {
    header.push({ key: 'Content-Type', value: 'application/json' }, { key: 'If-Match', value: '"v1"', disabled: true });
    body = raw(updateExample(op.campaign));
  } else if (op.kind === 'uploadFile') {
    body = { mode: 'formdata', formdata: [{ key: 'file', type: 'file', src: [] }] };
  }
  const query =
    op.kind === 'list'
      ? [
          { key: 'limit', value: '50' },
          { key: 'cursor', value: '', disabled: true },
          { key: 'updated_since', value: '2024-05-01T00:00:00Z', disabled: true },
        ]
      : undefined;
  const search = query
    ? `?${query
        .filter((q) => !q.disabled)
        .map((q) => `${q.key}=${q.value}`)
        .join('&')}`
    : '';
  return {
    name: op.summary,
    request: {
      method: op.method.toUpperCase(),
      header,
      url: { raw: `{{baseUrl}}/${path.join('/')}${search}`, host: ['{{baseUrl}}'], path, ...(query ? { query } : {}) },
      ...(body ? { body } : {}),
      description: `${op.description}\n\nNeeds the \`${op.scope}\` scope.`,
    },
  };
}

/**
 * A Postman collection v2.1 of the token's operations: bearer auth from the `{{token}}` variable,
 * the server in `{{baseUrl}}`, one folder per campaign; `{{leadId}}`/`{{fileId}}` to fill in.
 */
export function buildPostman(token: TokenDocsInput): PostmanCollection {
  // Hidden fields leave here, before anything is built: no request can name them.
  const input = tokenView(token);
  const count = input.campaigns.length;
  return {
    info: {
      name: `Leadgate API: ${input.title}`,
      description: 'Set the `token` variable to your API token (shown once when it was made).',
      schema: POSTMAN_SCHEMA,
    },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
    variable: [
      { key: 'baseUrl', value: trimBaseUrl(input.baseUrl), type: 'string' },
      { key: 'token', value: '', type: 'string' },
      { key: 'leadId', value: '', type: 'string' },
      { key: 'fileId', value: '', type: 'string' },
    ],
    item: input.campaigns.map((campaign) => ({
      name: tagOf(campaign, count),
      item: operationsFor(input.scopes, campaign, suffixFor(campaign, count)).map(requestItem),
    })),
  };
}
