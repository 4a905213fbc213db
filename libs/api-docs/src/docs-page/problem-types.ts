import { OperationKind } from '@leadgate/api-docs/operations';

/** One problem the server answers (API.md §9): its status, its `type` slug and when it is sent. */
export interface ProblemType {
  status: number;
  type: string;
  /** Backticks mark code (rendered as `<code>`). */
  when: string;
}

const problem = (status: number, type: string, when: string): ProblemType => ({ status, type, when });

// The slugs are the ones the services send (apps/*, libs/service-kit); problem-types-sent.spec.ts in
// apps/docs checks each one is still sent somewhere, so the page cannot drift from the server.
const TOKEN_IN_QUERY = problem(
  400,
  'token_in_query',
  'The token was sent in the query (`access_token`): send it only in `Authorization`.',
);
const INVALID_TOKEN = problem(
  401,
  'invalid_token',
  'No token, or a malformed, unknown, expired or revoked one; `WWW-Authenticate` says which.',
);
const INSUFFICIENT_SCOPE = problem(403, 'insufficient_scope', 'The token lacks the scope this call needs.');
const CAMPAIGN_NOT_FOUND = problem(404, 'not_found', 'The campaign is not one this token reaches.');
const RATE_LIMITED = problem(429, 'rate_limited', 'Over the token’s requests per minute; wait `Retry-After` seconds.');
const CONCURRENCY_LIMITED = problem(
  429,
  'concurrency_limited',
  'Too many requests of this token in progress at once; retry when one is answered.',
);
const FAILED_AUTHENTICATIONS = problem(
  429,
  'too_many_failed_authentications',
  'Too many refused tokens from your address; wait `Retry-After` seconds.',
);
const HEADERS_TOO_LARGE = problem(431, 'headers_too_large', 'The request line and headers are over 16 KB together.');
const SATURATED = problem(
  503,
  'saturated',
  'The service is saturated; nothing was done. Retry after `Retry-After` seconds.',
);
const UPSTREAM_UNAVAILABLE = problem(
  503,
  'upstream_unavailable',
  'The service for this call is not reachable; nothing was done. Retry.',
);
const SCOPE_UNAVAILABLE = problem(
  503,
  'scope_unavailable',
  'The service is still loading what this token may see; retry shortly.',
);
const TIMEOUT = problem(
  504,
  'timeout',
  'The deadline passed before anything was stored; nothing is carried out later. Retry.',
);
const BODY_NOT_ALLOWED = problem(400, 'body_not_allowed', 'A `GET` carried a body.');

const MALFORMED_JSON = problem(400, 'malformed_body', 'The body is not valid JSON.');
const TOO_DEEP = problem(400, 'body_too_deep', 'The JSON nests deeper than 32 levels.');
const BAD_IDEMPOTENCY_KEY = problem(
  400,
  'bad_idempotency_key',
  'The `Idempotency-Key` is empty or not 1 to 255 visible ASCII characters.',
);
const LEAD_NOT_FOUND = problem(
  404,
  'not_found',
  'No such lead for this token (a lead outside its filter does not exist for it).',
);
const IDEMPOTENCY_IN_FLIGHT = problem(
  409,
  'idempotency_in_flight',
  'A request with this `Idempotency-Key` is still being processed; retry after `Retry-After` seconds.',
);
const BODY_TOO_LARGE = problem(413, 'payload_too_large', 'The body is over the size limit.');
const COMPRESSED = problem(
  415,
  'unsupported_media_type',
  'The body was sent compressed (`Content-Encoding`); send it uncompressed.',
);
const VALIDATION_FAILED = problem(
  422,
  'validation_failed',
  'The body does not fit the schema; one `errors` entry per problem.',
);
const OUT_OF_SCOPE = problem(422, 'out_of_scope', 'The lead would fall outside this token’s filter.');
const FIELD_NOT_WRITABLE = problem(
  422,
  'field_not_writable',
  'The body writes a field this token may not write; one `errors` entry per field.',
);
const KEY_REUSED = problem(422, 'idempotency_key_reused', 'The `Idempotency-Key` was used before with another body.');

const WRITE_BODY = [
  MALFORMED_JSON,
  TOO_DEEP,
  BODY_TOO_LARGE,
  COMPRESSED,
  VALIDATION_FAILED,
  OUT_OF_SCOPE,
  FIELD_NOT_WRITABLE,
];
const CREATE = [BAD_IDEMPOTENCY_KEY, CAMPAIGN_NOT_FOUND, IDEMPOTENCY_IN_FLIGHT, KEY_REUSED, ...WRITE_BODY];

/** What only this operation answers, beyond EVERY_CALL. */
const BY_KIND: Record<OperationKind, ProblemType[]> = {
  schema: [CAMPAIGN_NOT_FOUND],
  list: [
    problem(
      400,
      'bad_query',
      'A query parameter is unknown or its value does not fit (`limit` outside 1 to 500, a bad `updated_since`, a `cursor` not given out, `field.<key>` on a masked field); see `errors`.',
    ),
    CAMPAIGN_NOT_FOUND,
  ],
  create: CREATE,
  batch: CREATE,
  get: [LEAD_NOT_FOUND],
  update: [
    LEAD_NOT_FOUND,
    problem(409, 'conflict', 'The lead is being changed by another request at this moment; try again.'),
    problem(412, 'precondition_failed', 'The lead changed since the version in `If-Match`; read it again.'),
    ...WRITE_BODY,
  ],
  listFiles: [LEAD_NOT_FOUND],
  uploadFile: [
    problem(400, 'malformed_body', 'The multipart body could not be parsed.'),
    LEAD_NOT_FOUND,
    problem(413, 'payload_too_large', 'The file is over the upload size limit.'),
    problem(422, 'validation_failed', 'No part named `file`.'),
  ],
  downloadFile: [problem(404, 'not_found', 'No such lead or file for this token.')],
};

/** What any call may be answered, whatever it is. */
export const EVERY_CALL: readonly ProblemType[] = [
  TOKEN_IN_QUERY,
  INVALID_TOKEN,
  INSUFFICIENT_SCOPE,
  RATE_LIMITED,
  CONCURRENCY_LIMITED,
  FAILED_AUTHENTICATIONS,
  HEADERS_TOO_LARGE,
  SATURATED,
  UPSTREAM_UNAVAILABLE,
  SCOPE_UNAVAILABLE,
  TIMEOUT,
];

const byStatus = (a: ProblemType, b: ProblemType) => a.status - b.status || a.type.localeCompare(b.type);

/** The problems of one operation (method `get` also refuses a body), by status. */
export function operationProblems(kind: OperationKind, method: string): ProblemType[] {
  return [...BY_KIND[kind], ...(method === 'get' ? [BODY_NOT_ALLOWED] : [])].sort(byStatus);
}

/**
 * Every problem type of the given operations and of any call, one row per status and type (the
 * different occasions of one type, e.g. each `not_found`, joined into its row).
 */
export function allProblemTypes(operations: readonly { kind: OperationKind; method: string }[]): ProblemType[] {
  const rows = new Map<string, ProblemType>();
  const add = (entry: ProblemType) => {
    const key = `${entry.status} ${entry.type}`;
    const row = rows.get(key);
    if (!row) rows.set(key, { ...entry });
    else if (!row.when.includes(entry.when)) row.when = `${row.when} ${entry.when}`;
  };
  EVERY_CALL.forEach(add);
  for (const op of operations) operationProblems(op.kind, op.method).forEach(add);
  return [...rows.values()].sort(byStatus);
}
