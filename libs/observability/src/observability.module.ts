import { DynamicModule, Global, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness';
import { ServiceMetrics } from './metrics/metrics';
import { ServiceInfo } from './service-info';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export interface ObservabilityOptions {
  info: ServiceInfo;
  logger: Logger;
  metrics: ServiceMetrics;
}

/**
 * Public health endpoints (status only), the readiness registry, metrics and the shared logger, for
 * every service. `/metrics` and detailed readiness are served by the management listener.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        { provide: ServiceInfo, useValue: options.info },
        { provide: ServiceMetrics, useValue: options.metrics },
        { provide: ROOT_LOGGER, useValue: options.logger },
        ReadinessRegistry,
      ],
      exports: [ServiceInfo, ServiceMetrics, ROOT_LOGGER, ReadinessRegistry],
    };
  }
}
