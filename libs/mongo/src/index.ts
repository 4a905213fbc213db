export * from './schema-options';
export * from './mongo.module';
export * from './pending-state.repository';
