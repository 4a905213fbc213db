import { platformVersion, runService } from '@leadgate/service-kit';
import { GatewayModule } from './app.module';
import { gatewayConfigSchema } from './config';

void runService({
  name: 'gateway',
  version: platformVersion(),
  configSchema: gatewayConfigSchema,
  module: () => GatewayModule.register(),
  parseBodies: false,
  trustedProxies: (config) => config.TRUSTED_PROXIES,
});
