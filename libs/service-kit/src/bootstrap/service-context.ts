import { Logger } from 'pino';
import { ServiceInfo, ServiceMetrics } from '@leadgate/observability';
import { BaseConfig } from '@leadgate/service-kit/config/load-config';

/** Everything a service's root module is built from, created once in main.ts before Nest starts. */
export interface ServiceContext<C extends BaseConfig = BaseConfig> {
  config: C;
  info: ServiceInfo;
  logger: Logger;
  metrics: ServiceMetrics;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
