import { createExample, updateExample } from './examples';
import { tokenView } from './field-access-docs';
import { TokenDocsInput, trimBaseUrl } from './model';
import { CampaignOperation, OperationKind, operationsFor, suffixFor } from './operations';
import { tagOf } from './openapi';
import { PostmanEvent, requestEvents } from './postman-scripts';
import { collectionDescription, collectionVariables, PostmanVariable } from './postman-variables';

export { DEFAULT_UPLOAD_FILE, type PostmanVariable } from './postman-variables';
export type { PostmanEvent } from './postman-scripts';

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanRequestItem {
  name: string;
  event: PostmanEvent[];
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
  variable: PostmanVariable[];
  item: { name: string; item: PostmanRequestItem[] }[];
}

/**
 * The order a run (newman, Postman's runner) takes, so each request finds what it needs: the list
 * before the create (whose lead is then the one kept), the create before the requests on one lead,
 * the upload before the file list and the download. The API has no delete, so nothing is removed.
 */
const RUN_ORDER: readonly OperationKind[] = [
  'schema',
  'list',
  'create',
  'batch',
  'get',
  'update',
  'uploadFile',
  'listFiles',
  'downloadFile',
];

/** The batch example sends one lead; its tests expect one result. */
const BATCH_EXAMPLE_SIZE = 1;

const inRunOrder = (a: CampaignOperation, b: CampaignOperation) =>
  RUN_ORDER.indexOf(a.kind) - RUN_ORDER.indexOf(b.kind);

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
    const lead = createExample(op.campaign);
    body = raw(op.kind === 'create' ? lead : { leads: Array.from({ length: BATCH_EXAMPLE_SIZE }, () => lead) });
  } else if (op.kind === 'update') {
    header.push(
      { key: 'Content-Type', value: 'application/json' },
      // Enable to refuse the change (412) if the lead changed since "Get a lead" read `leadEtag`.
      { key: 'If-Match', value: '{{leadEtag}}', disabled: true },
    );
    body = raw(updateExample(op.campaign));
  } else if (op.kind === 'uploadFile') {
    body = {
      mode: 'formdata',
      formdata: [{ key: 'file', type: 'file', src: '{{filePath}}', description: 'The file in `filePath`.' }],
    };
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
    event: requestEvents(op, BATCH_EXAMPLE_SIZE),
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
 * the server in `{{baseUrl}}`, one folder per campaign, every request with tests, and the ids the
 * run needs captured as it goes, so `newman run` passes unedited.
 */
export function buildPostman(token: TokenDocsInput): PostmanCollection {
  // Hidden fields leave here, before anything is built: no request can name them.
  const input = tokenView(token);
  const count = input.campaigns.length;
  const folders = input.campaigns.map((campaign) => ({
    name: tagOf(campaign, count),
    ops: operationsFor(input.scopes, campaign, suffixFor(campaign, count)).sort(inRunOrder),
  }));
  const ops = folders.flatMap((folder) => folder.ops);
  return {
    info: {
      name: `Leadgate API: ${input.title}`,
      description: collectionDescription(input.title, ops),
      schema: POSTMAN_SCHEMA,
    },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
    variable: collectionVariables(trimBaseUrl(input.baseUrl), ops),
    item: folders.map((folder) => ({ name: folder.name, item: folder.ops.map(requestItem) })),
  };
}
