import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { startEventConsumers } from '@leadgate/kafka';
import { platformVersion, runService } from '@leadgate/service-kit';
import { WebhooksModule } from './app.module';
import { webhooksConfigSchema } from './config';
import { DISPATCH_GROUP } from './dispatch/lead-event.consumer';

void runService({
  name: 'webhooks',
  version: platformVersion(),
  configSchema: webhooksConfigSchema,
  module: ({ config }) => WebhooksModule.register(config),
  // A hybrid app: HTTP, plus leads.events.v1 through Nest's Kafka transport (ADR 012) in its own group.
  beforeListen: (app) => startEventConsumers(app, { groupId: DISPATCH_GROUP }),
  afterInit: publishApiDocs,
});
