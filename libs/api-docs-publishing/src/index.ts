export * from './publish-api-docs';
