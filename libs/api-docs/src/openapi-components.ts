import { ErrorExample } from './examples';
import { FILE_SCHEMA, problemSchema } from './json-schema';
import { JsonSchema } from './model';

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** The IETF RateLimit headers the gateway adds to every answer (API.md §9). */
export const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': ref('headers', 'RateLimit-Limit'),
  'RateLimit-Remaining': ref('headers', 'RateLimit-Remaining'),
  'RateLimit-Reset': ref('headers', 'RateLimit-Reset'),
};

export const HEADERS: Record<string, JsonSchema> = {
  'RateLimit-Limit': {
    description: 'Requests this token may make per window.',
    schema: { type: 'integer', minimum: 0 },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: { type: 'integer', minimum: 0 },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the current window ends and the whole budget is available again.',
    schema: { type: 'integer', minimum: 0 },
  },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  ETag: { description: 'The lead version, e.g. `"v3"`; send it back in `If-Match`.', schema: { type: 'string' } },
  Location: { description: 'The path of the created lead.', schema: { type: 'string' } },
  'Idempotent-Replayed': {
    description: '`true` when this answer repeats the first answer to the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
  'WWW-Authenticate': { description: 'Why the token was refused (RFC 6750).', schema: { type: 'string' } },
};

export const PARAMETERS: Record<string, JsonSchema> = {
  LeadId: { name: 'leadId', in: 'path', required: true, schema: { type: 'string' }, description: 'The lead id.' },
  FileId: { name: 'fileId', in: 'path', required: true, schema: { type: 'string' }, description: 'The file id.' },
  Limit: {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    description: 'Leads per page, 1 to 500.',
  },
  Cursor: {
    name: 'cursor',
    in: 'query',
    // base64url, as the lead service writes it; any other string is no cursor it gave out (400).
    schema: { type: 'string', minLength: 1, maxLength: 1000, pattern: '^[A-Za-z0-9_-]+$' },
    description: 'The `next_cursor` of the previous page, as it was given; any other value is refused (400).',
  },
  UpdatedSince: {
    name: 'updated_since',
    in: 'query',
    schema: { type: 'string', format: 'date-time' },
    description: 'Only leads changed at or after this ISO 8601 time, e.g. `2024-05-01T00:00:00Z`.',
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    // The lead service's rule (apps/leads idempotency.service.ts): an empty or other key is 400.
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
    description:
      'A unique string per logical request, 1 to 255 visible ASCII characters (no spaces); a retry with the same ' +
      'key and body is not stored twice. An empty or other key is refused (400 `bad_idempotency_key`).',
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    schema: { type: 'string' },
    description: 'The ETag you read; the update is refused with 412 when the lead changed since.',
  },
};

/** Problem answers by status, every one `application/problem+json` (API.md §9). */
export const PROBLEM_RESPONSES: Record<string, { name: string; description: string; type: string }> = {
  '400': { name: 'BadRequest', description: 'Malformed request or unknown query parameter.', type: 'bad_request' },
  '401': { name: 'Unauthorized', description: 'Missing, unknown, expired or revoked token.', type: 'invalid_token' },
  '403': { name: 'Forbidden', description: 'The token lacks the scope this call needs.', type: 'insufficient_scope' },
  '404': { name: 'NotFound', description: 'No such resource for this token.', type: 'not_found' },
  '409': {
    name: 'IdempotencyInFlight',
    description: 'A request with this Idempotency-Key is still being processed; retry after `Retry-After` seconds.',
    type: 'idempotency_in_flight',
  },
  '412': { name: 'PreconditionFailed', description: 'If-Match is stale.', type: 'precondition_failed' },
  '413': { name: 'PayloadTooLarge', description: 'The body is over the size limit.', type: 'payload_too_large' },
  '431': {
    name: 'HeadersTooLarge',
    description: 'The request line and headers are over 16 KB together: send fewer or shorter query parameters.',
    type: 'headers_too_large',
  },
  '422': {
    name: 'ValidationFailed',
    description:
      'The body does not fit the schema (`validation_failed`, one `errors` entry per problem), the lead would fall outside the token’s filter (`out_of_scope`), the body writes a field this token may not write (`field_not_writable`, one `errors` entry per field), or the Idempotency-Key was used before with another body (`idempotency_key_reused`).',
    type: 'validation_failed',
  },
  '429': {
    name: 'TooManyRequests',
    description: 'Rate limit exceeded; wait `Retry-After` seconds.',
    type: 'rate_limited',
  },
  '503': {
    name: 'Saturated',
    description: 'The service is saturated; nothing was done. Retry after `Retry-After` seconds.',
    type: 'saturated',
  },
  '504': {
    name: 'DeadlineExceeded',
    description: 'The deadline passed before anything was stored. Nothing is carried out later; retry the request.',
    type: 'timeout',
  },
};

function problemResponse(status: string, errorExample: ErrorExample): JsonSchema {
  const { description, type } = PROBLEM_RESPONSES[status];
  const extra: Record<string, unknown> = {};
  if (status === '409' || status === '429' || status === '503') extra['Retry-After'] = ref('headers', 'Retry-After');
  if (status === '401') extra['WWW-Authenticate'] = ref('headers', 'WWW-Authenticate');
  const example = {
    type: `https://leadgate.dev/problems/${type}`,
    title: description.split('.')[0],
    status: Number(status),
    detail: description,
    ...(status === '422' ? { errors: [errorExample] } : {}),
  };
  return {
    description,
    headers: { ...RATE_LIMIT_HEADERS, ...extra },
    content: { 'application/problem+json': { schema: ref('schemas', 'Problem'), example } },
  };
}

/** `responses` entries referring to the shared problem answers. */
export function problems(...statuses: string[]): Record<string, unknown> {
  return Object.fromEntries(statuses.map((status) => [status, ref('responses', PROBLEM_RESPONSES[status].name)]));
}

/** The components every token document shares; `errorExample` is the 422 example's `errors` entry. */
export function sharedComponents(errorExample: ErrorExample) {
  return {
    schemas: {
      Problem: problemSchema(errorExample.path),
      File: FILE_SCHEMA,
      FileList: {
        type: 'object',
        required: ['data'],
        properties: { data: { type: 'array', items: ref('schemas', 'File') } },
      },
    } as Record<string, JsonSchema>,
    responses: Object.fromEntries(
      Object.entries(PROBLEM_RESPONSES).map(([status, { name }]) => [name, problemResponse(status, errorExample)]),
    ),
    parameters: PARAMETERS,
    headers: HEADERS,
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description:
          'Send `Authorization: Bearer <your token>`. Tokens start with `lgt_` and are shown once when made.',
      },
    },
  };
}

export { ref };
