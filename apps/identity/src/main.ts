import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { startEventConsumers } from '@leadgate/kafka';
import { platformVersion, runService } from '@leadgate/service-kit';
import { IdentityModule } from './app.module';
import { identityConfigSchema } from './config';
import { TOKEN_USAGE_GROUP } from './token-usage/token-usage.consumer';

void runService({
  name: 'identity',
  version: platformVersion(),
  configSchema: identityConfigSchema,
  module: ({ config }) => IdentityModule.register(config),
  // A hybrid app: HTTP, plus the token-usage events through Nest's Kafka transport (ADR 012).
  beforeListen: (app) => startEventConsumers(app, { groupId: TOKEN_USAGE_GROUP }),
  afterInit: publishApiDocs,
});
