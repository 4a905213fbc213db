import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const STORE_MIGRATION_MODEL = 'LeadStoreMigration';

/** A one-off change to stored data that has run to its end (named by `_id`). */
export interface StoreMigrationDocument {
  _id: string;
  done_at: string;
}

export const storeMigrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    done_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'lead_store_migrations' },
);
