export * from './schema-options';
export * from './mongo.module';
