import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { platformVersion, runService } from '@leadgate/service-kit';
import { WebhooksModule } from './app.module';
import { webhooksConfigSchema } from './config';

void runService({
  name: 'webhooks',
  version: platformVersion(),
  configSchema: webhooksConfigSchema,
  module: ({ config }) => WebhooksModule.register(config),
  afterInit: publishApiDocs,
});
