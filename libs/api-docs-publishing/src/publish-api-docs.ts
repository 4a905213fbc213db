import { INestApplication } from '@nestjs/common';
import { API_DOCS_MAX_CHARS, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher } from '@leadgate/kafka';
import { ServiceInfo } from '@leadgate/observability';
import { Logger } from 'pino';
import { buildServiceOpenApi } from './operation-docs/service-openapi';

/**
 * The `afterInit` hook of a service whose HTTP API belongs in the admin docs: builds its OpenAPI
 * document from its own controllers (`@nestjs/swagger` finds the routes, `@OperationDocs` documents
 * them from their zod schemas) and publishes it, keyed by service name, on `platform.api-docs.v1`.
 * The docs service merges what every service published.
 */
export async function publishApiDocs(
  app: INestApplication,
  context: { info: ServiceInfo; logger: Logger },
): Promise<void> {
  const { info, logger } = context;
  const document = buildServiceOpenApi(app, info);
  const openapi = JSON.stringify(document);
  if (openapi.length > API_DOCS_MAX_CHARS) {
    logger.error({ chars: openapi.length, max: API_DOCS_MAX_CHARS }, 'OpenAPI document too large to publish');
    return;
  }
  await app.get(KafkaPublisher).publish(TOPICS.platformApiDocs, info.name, {
    service: info.name,
    version: info.version,
    openapi,
    published_at: new Date().toISOString(),
  });
  logger.info({ paths: Object.keys(document.paths).length }, 'published OpenAPI document');
}
