export * from './context/request-context';
export * from './logging/logger';
export * from './logging/nest-logger';
export * from './metrics/metrics';
export * from './health/readiness';
export * from './http/request-observer';
export * from './service-info';
export * from './observability.module';
