import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { platformVersion, runService } from '@leadgate/service-kit';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';
import { refuseBodiesOnBodilessMethods } from './edge/bodiless-methods';
import { refuseUnknownMethods } from './edge/unknown-methods';

void runService({
  name: 'gateway',
  version: platformVersion(),
  configSchema: gatewayConfigSchema,
  module: () => GatewayModule.register(),
  // Fastify: the edge answers every call, so the framework's cost per request is the platform's
  // floor (issue 13). The services behind it stay on Express.
  httpAdapter: 'fastify',
  parseBodies: false,
  // A wrong method is 405 whatever the request carries; only then is a body on GET/HEAD/DELETE refused.
  edgeChecks: [refuseUnknownMethods, refuseBodiesOnBodilessMethods],
  trustedProxies: (config) => config.TRUSTED_PROXIES,
  // GET /v1/auth/session, the one admin-document route the gateway answers itself.
  afterInit: publishApiDocs,
});
