import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { platformVersion, runService } from '@leadgate/service-kit';
import { IdentityModule } from './app.module';
import { identityConfigSchema } from './config';

void runService({
  name: 'identity',
  version: platformVersion(),
  configSchema: identityConfigSchema,
  module: ({ config }) => IdentityModule.register(config),
  afterInit: publishApiDocs,
});
