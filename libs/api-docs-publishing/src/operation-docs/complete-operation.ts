import { OPERATION_EXTENSION, StoredOperation } from './operation-spec';
import { PROBLEM_ANSWERS } from './admin-components';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** Where an operation is listed by default: the resource after `/v1/admin/` (`campaigns`, `tokens`), or `oauth`. */
export function tagOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return segments[0] === 'oauth' ? 'oauth' : (segments[2] ?? 'admin');
}

/** Operations whose errors are all problem+json (every one but the OAuth2 endpoints'). */
const PROBLEM_ONLY = new Set<StoredOperation['auth']>(['admin', 'public', 'session']);

function problemStatuses(path: string, stored: StoredOperation): number[] {
  // Nobody is refused a public operation for who they are: no 401 or 403 unless it says so.
  const statuses = new Set([...(stored.auth === 'public' ? [400, 429] : [400, 401, 403, 429]), ...stored.errors]);
  if (/\{[^}]+\}/.test(path)) statuses.add(404);
  if (stored.requestBody) {
    statuses.add(413);
    statuses.add(422);
  }
  return [...statuses].sort((a, b) => a - b);
}

function errorResponses(path: string, stored: StoredOperation): Record<string, Json> {
  if (PROBLEM_ONLY.has(stored.auth)) {
    return Object.fromEntries(
      problemStatuses(path, stored).map((status) => [String(status), ref(PROBLEM_ANSWERS[status].name)]),
    );
  }
  // RFC 6749 §5.2 errors from identity (400 invalid_request/invalid_scope/unsupported_grant_type, 401
  // invalid_client); what the gateway refuses before (an admin Bearer) stays problem+json.
  const unauthorized: Record<StoredOperation['auth'], string> = {
    'oauth-client': 'OAuthError',
    'oauth-client-or-admin': 'OAuthOrBearerUnauthorized',
    'admin-oauth': 'Unauthorized',
    admin: 'Unauthorized',
    public: 'Unauthorized',
    session: 'Unauthorized',
  };
  const responses: Record<string, Json> = {
    '400': ref('OAuthBadRequest'),
    '401': ref(unauthorized[stored.auth]),
  };
  if (stored.auth !== 'oauth-client') responses['403'] = ref('InsufficientScope');
  // A body the platform cannot accept (too large, NUL characters, nested too deep) is refused
  // before the endpoint reads it, as problem+json, on these routes as on every other.
  const platformRefusals = stored.requestBody ? [413, 422] : [];
  for (const status of [...stored.errors, ...platformRefusals]) {
    responses[String(status)] ??= ref(PROBLEM_ANSWERS[status].name);
  }
  return responses;
}

function securityOf(stored: StoredOperation): Record<string, string[]>[] {
  const admin: Record<string, string[]>[] = [
    { bearer: [] },
    { session: [] },
    { oauth2: stored.scope ? [stored.scope] : [] },
  ];
  if (stored.auth === 'admin') return admin;
  if (stored.auth === 'public') return [{}];
  if (stored.auth === 'session') return [{ session: [] }];
  // The client may authenticate in the form body instead of HTTP Basic: no scheme is required then.
  if (stored.auth === 'oauth-client') return [{ clientBasic: [] }, {}];
  if (stored.auth === 'admin-oauth') return admin;
  return [{ clientBasic: [] }, { bearer: [] }, {}];
}

function descriptionOf(stored: StoredOperation): string {
  if (!stored.scope) return stored.description;
  const scope = stored.scope === 'admin' ? '`admin`' : `\`${stored.scope}\` (or \`admin\`)`;
  return `${stored.description}\n\nNeeds the scope ${scope}.`;
}

/**
 * Turns what `@OperationDocs` stored on an operation of a swagger-built document into the finished
 * operation: ids and texts, the zod-made request body and success answer, every error status as a
 * reusable problem (or OAuth2) answer, and the security schemes. Operations without the extension
 * are left as they are.
 */
export function completeOperation(path: string, operation: Json): Json {
  const stored = operation[OPERATION_EXTENSION] as StoredOperation | undefined;
  if (!stored) return operation;
  const rest = { ...operation };
  // Swagger's own guesses give way to what the decorator stored.
  for (const key of [OPERATION_EXTENSION, 'requestBody', 'responses']) delete rest[key];
  return {
    ...rest,
    operationId: stored.operationId,
    summary: stored.summary,
    description: descriptionOf(stored),
    tags: [stored.tag ?? tagOf(path)],
    ...(stored.requestBody ? { requestBody: stored.requestBody } : {}),
    responses: {
      [String(stored.success.status)]: stored.success.response,
      ...errorResponses(path, stored),
    },
    security: securityOf(stored),
  };
}
