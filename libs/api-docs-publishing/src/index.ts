export * from './operation-docs';
export * from './publish-api-docs';
