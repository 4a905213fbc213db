export * from './admin-components';
export * from './complete-operation';
export * from './operation-docs.decorator';
export * from './operation-spec';
export * from './service-openapi';
