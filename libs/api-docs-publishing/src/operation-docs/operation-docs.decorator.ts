import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { OPERATION_EXTENSION, OperationSpec } from './operation-spec';
import { operationFromSpec } from './zod-to-operation';

/**
 * Documents one controller method for the admin OpenAPI: summary, description, the zod schema the
 * body is validated with, the zod schema and example of the answer, and the error statuses it adds.
 * The schemas are converted once, here; `buildServiceOpenApi` completes the operation (errors,
 * security) when the service publishes its document.
 *
 * ```ts
 * @Post()
 * @OperationDocs({ operationId: 'createAccountToken', summary: 'Create an account token', description: '...',
 *   scope: 'tokens:write', body: createAccountTokenSchema, response: { status: 201, description: 'The new token',
 *   schema: createdTokenViewSchema, example: createdTokenExample } })
 * ```
 */
export function OperationDocs<B extends z.ZodTypeAny, R extends z.ZodTypeAny>(
  spec: OperationSpec<B, R>,
): MethodDecorator {
  const stored = operationFromSpec(spec);
  return applyDecorators(
    ApiOperation({ operationId: stored.operationId, summary: stored.summary, description: stored.description }),
    ApiExtension(OPERATION_EXTENSION, stored),
  );
}
