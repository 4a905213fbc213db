import { Body, Controller, Post } from '@nestjs/common';
import { OperationDocs } from '@leadgate/api-docs-publishing';
import { openApiOfControllers } from '@leadgate/api-docs-publishing/testing';
import { ZodValidationPipe } from '@leadgate/service-kit';
import { z } from 'zod';
import { buildAdminOpenApi } from './admin-openapi';

const widgetBody = z.object({ name: z.string().min(1) }).strict();
const widgetView = z.object({ id: z.string(), name: z.string() });

@Controller('v1/admin/widgets/:widgetId/parts')
class PartsController {
  @Post()
  @OperationDocs({
    operationId: 'addPart',
    summary: 'Add a part',
    description: 'A test operation.',
    scope: 'campaigns:write',
    body: widgetBody,
    bodyExample: { name: 'bolt' },
    response: { status: 201, description: 'The part.', schema: widgetView, example: { id: 'p1', name: 'bolt' } },
  })
  add(@Body(new ZodValidationPipe(widgetBody)) body: z.infer<typeof widgetBody>) {
    return { id: 'p1', ...body };
  }
}

@Controller('internal/widgets')
class InternalController {
  @Post()
  make() {
    return {};
  }
}

async function merged() {
  const service = await openApiOfControllers([PartsController, InternalController]);
  return buildAdminOpenApi([
    { service: 'widgets', version: '1.2.3', openapi: JSON.stringify(service), published_at: new Date().toISOString() },
  ]);
}

describe('buildAdminOpenApi', () => {
  it('keeps a documented operation whole: body, answer, problem answers, security', async () => {
    const document = await merged();
    expect(document.openapi).toBe('3.1.0');
    const operation = document.paths['/v1/admin/widgets/{widgetId}/parts']['post'];
    expect(operation.operationId).toBe('addPart');
    expect(operation.tags).toEqual(['widgets']);
    expect(operation['requestBody']).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { required: ['name'], additionalProperties: false } } },
    });
    expect(Object.keys(operation.responses ?? {})).toEqual(['201', '400', '401', '403', '404', '413', '422', '429']);
    expect(operation.responses?.['422']).toEqual({ $ref: '#/components/responses/ValidationFailed' });
    expect(operation['security']).toEqual([{ bearer: [] }, { session: [] }, { oauth2: ['campaigns:write'] }]);
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'widgetId', in: 'path', required: true })]);
  });

  it('declares the shared problem answers and the Bearer, session cookie and OAuth2 schemes', async () => {
    const document = await merged();
    expect(Object.keys(document.components.responses)).toEqual(
      expect.arrayContaining(['Unauthorized', 'InsufficientScope', 'NotFound', 'ValidationFailed', 'OAuthError']),
    );
    expect(document.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie' },
      oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token' } } },
    });
  });

  it('leaves out internal routes', async () => {
    expect(Object.keys((await merged()).paths)).toEqual(['/v1/admin/widgets/{widgetId}/parts']);
  });
});
