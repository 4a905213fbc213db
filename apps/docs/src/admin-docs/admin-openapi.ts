import { adminComponents } from '@leadgate/api-docs-publishing';
import { ApiDocsStateV1 } from '@leadgate/contracts';

type Json = Record<string, unknown>;
type Operation = Json & {
  tags?: string[];
  summary?: string;
  operationId?: string;
  parameters?: Json[];
  responses?: Json;
};

export interface AdminOpenApi {
  openapi: string;
  info: Json;
  servers: Json[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Json; schemas: Record<string, Json>; responses: Record<string, Json> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Only the admin API, console sign-in and OAuth2 belong here; `/internal/*`, `/health/*` and `/metrics` never do. */
const PUBLIC_PREFIXES = ['/v1/admin/', '/v1/auth/', '/oauth/'];
/** The OAuth2 server's RFC 8414 metadata, which clients discover beside `/oauth/*`. */
const PUBLIC_PATHS = new Set(['/.well-known/oauth-authorization-server']);
const CLIENT_AUTHENTICATED = new Set(['/oauth/token', '/oauth/revoke']);

const isAdminPath = (path: string) =>
  PUBLIC_PATHS.has(path) || PUBLIC_PREFIXES.some((prefix) => path === prefix.slice(0, -1) || path.startsWith(prefix));

/** Where an operation is listed: the resource after `/v1/admin/`, or `oauth`. */
function tagFor(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return segments[0] === 'oauth' ? 'oauth' : (segments[2] ?? 'admin');
}

/** `TokensController_rotate` -> `Tokens: rotate`. */
function summaryFor(operationId: string | undefined, method: string, path: string): string {
  const match = /^(\w+?)Controller_(\w+)$/.exec(operationId ?? '');
  return match ? `${match[1]}: ${match[2]}` : `${method.toUpperCase()} ${path}`;
}

function parse(state: ApiDocsStateV1): { paths?: Record<string, Json>; components?: { schemas?: Json } } | null {
  try {
    return JSON.parse(state.openapi) as { paths?: Record<string, Json>; components?: { schemas?: Json } };
  } catch {
    return null;
  }
}

/** Every `{name}` in the path is declared as a required path parameter (swagger leaves some out). */
function withPathParameters(path: string, parameters: Json[] = []): Json[] {
  const declared = new Set(parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const missing = [...path.matchAll(/\{([^}]+)\}/g)]
    .map((match) => match[1])
    .filter((name) => !declared.has(name))
    .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  return [...parameters, ...missing];
}

/**
 * Merges the OpenAPI documents the services published (each built by `@nestjs/swagger` from its
 * own controllers) into one admin API document: admin and OAuth2 paths only, bearer security and
 * the problem+json error answer on every operation.
 */
export function buildAdminOpenApi(states: ApiDocsStateV1[], baseUrl = '/'): AdminOpenApi {
  const document: AdminOpenApi = {
    openapi: '3.1.0',
    info: {
      title: 'Leadgate admin API',
      version: states.map((state) => state.version).sort()[0] ?? '0.0.0',
      description:
        'The admin API (account-level tokens with `admin` or the named scopes, console sessions, or OAuth2 access ' +
        'tokens) and the OAuth2 endpoints, generated from the services\u2019 code and zod schemas. Errors are RFC 9457 ' +
        'problem details (`application/problem+json`); the OAuth2 endpoints answer RFC 6749 JSON errors.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Leadgate' },
    },
    servers: [{ url: baseUrl }],
    tags: [],
    security: [{ bearer: [] }, { session: [] }, { oauth2: [] }],
    paths: {},
    components: adminComponents(),
  };
  const tags = new Set<string>();
  for (const state of [...states].sort((a, b) => a.service.localeCompare(b.service))) {
    const source = parse(state);
    if (!source) continue;
    for (const [name, schema] of Object.entries(source.components?.schemas ?? {})) {
      if (!(name in document.components.schemas)) document.components.schemas[name] = schema as Json;
    }
    for (const [path, item] of Object.entries(source.paths ?? {})) {
      if (!isAdminPath(path)) continue;
      const target = (document.paths[path] ??= {});
      for (const method of HTTP_METHODS) {
        const operation = item[method] as Operation | undefined;
        if (!operation || target[method]) continue;
        const tag = operation.tags?.[0] ?? tagFor(path);
        tags.add(tag);
        // Operations documented with @OperationDocs arrive complete; others (an older service) get the
        // path parameters, the client authentication of the OAuth2 endpoints and a problem answer.
        const complete = Object.keys(operation.responses ?? {}).some((status) => /^4\d\d$/.test(status));
        target[method] = complete
          ? { ...operation, tags: [tag], parameters: withPathParameters(path, operation.parameters) }
          : {
              ...operation,
              tags: [tag],
              summary: operation.summary ?? summaryFor(operation.operationId, method, path),
              operationId: `${state.service}_${operation.operationId ?? `${method}_${path}`}`,
              parameters: withPathParameters(path, operation.parameters),
              ...(CLIENT_AUTHENTICATED.has(path) ? { security: [{ clientBasic: [] }] } : {}),
              responses: { ...(operation.responses ?? {}), default: { $ref: '#/components/responses/BadRequest' } },
            };
      }
    }
  }
  document.tags = [...tags].sort().map((name) => ({ name, description: `Operations on ${name}.` }));
  return document;
}
