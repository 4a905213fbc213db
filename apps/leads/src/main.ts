import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { platformVersion, runService } from '@leadgate/service-kit';
import { LeadsModule } from './leads.module';
import { leadsConfigSchema } from './config';

void runService({
  name: 'leads',
  version: platformVersion(),
  configSchema: leadsConfigSchema,
  module: ({ config }) => LeadsModule.register(config),
  afterInit: publishApiDocs,
  // Multipart uploads are read whole (their digest is signed): room for the file and its framing.
  rawBodyLimit: (config) => config.FILE_LIMIT_BYTES + 64 * 1024,
});
