import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { withNulFreeStrings } from './no-nul-strings';
import { OperationSpec, StoredOperation } from './operation-spec';

type Json = Record<string, unknown>;

/** An example that does not satisfy its own schema is a bug in the docs: refused at start-up (and in unit tests). */
function checkedExample(what: string, schema: z.ZodTypeAny, example: unknown): void {
  const result = schema.safeParse(example);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${what} example does not match its schema: ${problems.join('; ')}`);
  }
}

/**
 * The request body and success answer of one operation, as OpenAPI 3.1, from its zod schemas
 * (`@asteasolutions/zod-to-openapi`): one throwaway route per operation, nothing kept by hand.
 */
export function operationFromSpec(spec: OperationSpec): StoredOperation {
  const registry = new OpenAPIRegistry();
  const { body, response } = spec;
  if (body && spec.bodyExample !== undefined) checkedExample(`${spec.operationId} body`, body, spec.bodyExample);
  if (response.schema && response.example !== undefined) {
    checkedExample(`${spec.operationId} answer`, response.schema, response.example);
  }
  const mediaTypes = spec.bodyMediaTypes ?? ['application/json'];
  registry.registerPath({
    method: 'post',
    path: '/operation',
    ...(body
      ? {
          request: {
            body: {
              required: true,
              content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: body }])),
            },
          },
        }
      : {}),
    responses: {
      [response.status]: {
        description: response.description,
        ...(response.schema ? { content: { 'application/json': { schema: response.schema } } } : {}),
      },
    },
  });
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: spec.operationId, version: '0' },
  });
  const generated = (document.paths?.['/operation'] as Json)['post'] as {
    requestBody?: { content: Record<string, Json> };
    responses: Record<string, { content?: Record<string, Json> }>;
  };
  const requestBody = generated.requestBody;
  for (const media of Object.values(requestBody?.content ?? {})) {
    media['schema'] = withNulFreeStrings(media['schema']);
    if (spec.bodyExample !== undefined) media['example'] = spec.bodyExample;
  }
  const answer = generated.responses[String(response.status)] as Json & { content?: Record<string, Json> };
  if (answer.content && response.example !== undefined)
    answer.content['application/json']['example'] = response.example;
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    ...(spec.tag ? { tag: spec.tag } : {}),
    ...(spec.scope ? { scope: spec.scope } : {}),
    auth: spec.auth ?? 'admin',
    ...(requestBody ? { requestBody: requestBody } : {}),
    success: { status: response.status, response: answer },
    errors: spec.errors ?? [],
  };
}
