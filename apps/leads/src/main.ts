import { publishApiDocs } from '@leadgate/kafka';
import { platformVersion, runService } from '@leadgate/service-kit';
import { LeadsModule } from './app.module';
import { leadsConfigSchema } from './config';

void runService({
  name: 'leads',
  version: platformVersion(),
  configSchema: leadsConfigSchema,
  module: ({ config }) => LeadsModule.register(config),
  afterInit: publishApiDocs,
});
