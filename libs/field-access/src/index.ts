export * from './mask/mask-value';
export * from './project/field-projection';
export * from './validate/field-access-problems';
