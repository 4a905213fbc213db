import { platformVersion, runService } from '@leadgate/service-kit';
import { DocsModule } from './app.module';
import { docsConfigSchema } from './config';

void runService({
  name: 'docs',
  version: platformVersion(),
  configSchema: docsConfigSchema,
  module: () => DocsModule.register(),
});
