import { SchemaOptions } from 'mongoose';

/**
 * Options every collection shares: no mongoose `__v` (we keep our own `version` for If-Match),
 * string ids chosen by the services, UTC timestamps, strict shapes, and JSON without `_id`.
 */
export const SHARED_SCHEMA_OPTIONS = {
  versionKey: false,
  strict: 'throw' as const,
  timestamps: false,
  minimize: false,
  toJSON: {
    transform: (_document: unknown, returned: Record<string, unknown>) => {
      returned['id'] = returned['_id'];
      delete returned['_id'];
      return returned;
    },
  },
} satisfies SchemaOptions;
