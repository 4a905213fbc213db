import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { adminComponents } from './admin-components';
import { completeOperation } from './complete-operation';

type Json = Record<string, unknown>;

export interface ServiceOpenApi {
  openapi: string;
  info: Json;
  paths: Record<string, Record<string, Json>>;
  components: Json & { schemas?: Json; responses?: Json; securitySchemes?: Json };
}

/**
 * A service's OpenAPI document: the routes `@nestjs/swagger` finds in its controllers, each
 * operation completed from its `@OperationDocs`, with the shared problem answers and security schemes.
 */
export function buildServiceOpenApi(app: INestApplication, info: { name: string; version: string }): ServiceOpenApi {
  const swagger = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`Leadgate ${info.name}`).setVersion(info.version).build(),
  ) as unknown as ServiceOpenApi;
  const paths: ServiceOpenApi['paths'] = {};
  for (const [path, item] of Object.entries(swagger.paths)) {
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([method, operation]) => [method, completeOperation(path, operation)]),
    );
  }
  const shared = adminComponents();
  return {
    ...swagger,
    openapi: '3.1.0',
    paths,
    components: {
      ...swagger.components,
      schemas: { ...(swagger.components?.schemas ?? {}), ...shared.schemas },
      responses: shared.responses,
      securitySchemes: shared.securitySchemes,
    },
  };
}
