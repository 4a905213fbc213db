import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { platformVersion, runService } from '@leadgate/service-kit';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';
import { refuseBodiesOnBodilessMethods } from './edge/bodiless-methods';

void runService({
  name: 'gateway',
  version: platformVersion(),
  configSchema: gatewayConfigSchema,
  module: () => GatewayModule.register(),
  // Fastify: the edge answers every call, so the framework's cost per request is the platform's
  // floor (issue 13). The services behind it stay on Express.
  httpAdapter: 'fastify',
  parseBodies: false,
  edgeChecks: [refuseBodiesOnBodilessMethods],
  trustedProxies: (config) => config.TRUSTED_PROXIES,
  // GET /v1/auth/session, the one admin-document route the gateway answers itself.
  afterInit: publishApiDocs,
});
