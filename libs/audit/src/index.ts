export * from './audit-action';
export * from './audit-recorder';
export * from './audit.module';
export * from './not-audited';
