import { publishApiDocs } from '@leadgate/api-docs-publishing';
import { platformVersion, runService } from '@leadgate/service-kit';
import { CampaignsModule } from './campaigns.module';
import { campaignsConfigSchema } from './config';

void runService({
  name: 'campaigns',
  version: platformVersion(),
  configSchema: campaignsConfigSchema,
  module: ({ config }) => CampaignsModule.register(config),
  afterInit: publishApiDocs,
});
