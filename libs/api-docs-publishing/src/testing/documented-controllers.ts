import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Test } from '@nestjs/testing';
import { buildServiceOpenApi, ServiceOpenApi } from '@leadgate/api-docs-publishing/operation-docs/service-openapi';

/** A route as Nest declares it, and whether its handler reads the request body. */
export interface DeclaredRoute {
  method: string;
  path: string;
  readsBody: boolean;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`.replace(/:(\w+)/g, '{$1}');

/** Every route of the controllers, read from Nest's own metadata (not from the document under test). */
export function declaredRoutes(controllers: Type[]): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, unknown>;
      routes.push({
        method: RequestMethod[method].toLowerCase(),
        path: joinPath(base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')),
        readsBody: Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`)),
      });
    }
  }
  return routes;
}

/** The service document the given controllers publish, built as `publishApiDocs` builds it (providers stubbed). */
export async function openApiOfControllers(controllers: Type[]): Promise<ServiceOpenApi> {
  const moduleRef = await Test.createTestingModule({ controllers })
    .useMocker(() => ({}))
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    return buildServiceOpenApi(app, { name: 'test', version: '0.0.0' });
  } finally {
    await app.close();
  }
}

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown; example?: unknown }> }>;
  security?: unknown[];
};

/**
 * What is missing from the documentation of each route: the problems, one line each (empty when
 * every route is fully documented). Admin routes need a problem+json answer per error status;
 * OAuth2 routes need their RFC 6749 error answers.
 */
export function documentationGaps(document: ServiceOpenApi, routes: DeclaredRoute[]): string[] {
  const gaps: string[] = [];
  for (const route of routes) {
    const at = `${route.method.toUpperCase()} ${route.path}`;
    const operation = document.paths[route.path]?.[route.method] as Operation | undefined;
    if (!operation) {
      gaps.push(`${at}: not in the document`);
      continue;
    }
    for (const key of ['operationId', 'summary', 'description'] as const) {
      if (!operation[key]) gaps.push(`${at}: no ${key}`);
    }
    if (!operation.security?.length) gaps.push(`${at}: no security`);
    const body = Object.values(operation.requestBody?.content ?? {})[0];
    if (route.readsBody && !body?.schema) gaps.push(`${at}: reads a body but documents none`);
    if (!route.readsBody && operation.requestBody) gaps.push(`${at}: documents a body it never reads`);
    const responses = operation.responses ?? {};
    const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
    if (success.length !== 1) gaps.push(`${at}: ${success.length} success answers, want 1`);
    for (const [status, answer] of success) {
      const media = answer.content?.['application/json'];
      if (status !== '204' && (!media?.schema || media.example === undefined)) {
        gaps.push(`${at}: answer ${status} without schema and example`);
      }
    }
    if ('default' in responses) gaps.push(`${at}: a default answer instead of its statuses`);
    const oauth = route.path.startsWith('/oauth/');
    const errorRef = (status: string) => responses[status]?.$ref ?? '';
    if (oauth && !errorRef('400').startsWith('#/components/responses/OAuth')) gaps.push(`${at}: no 400 OAuth answer`);
    // A public operation (sign-in, accepting an invitation: `security: [{}]`) refuses nobody for who they are.
    const open = JSON.stringify(operation.security) === '[{}]';
    const wanted = oauth ? ['401'] : open ? ['400', '429'] : ['400', '401', '403', '429'];
    if (!oauth && /\{/.test(route.path)) wanted.push('404');
    if (!oauth && route.readsBody) wanted.push('413', '422');
    for (const status of wanted) {
      if (!errorRef(status).startsWith('#/components/responses/')) gaps.push(`${at}: no ${status} error answer`);
    }
  }
  return gaps;
}
