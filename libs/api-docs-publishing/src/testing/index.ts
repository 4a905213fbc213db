export * from './documented-controllers';
