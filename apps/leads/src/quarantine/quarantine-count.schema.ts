import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const QUARANTINE_COUNT_MODEL = 'QuarantineCount';

/** How many posts an account's quarantine holds: one small document, read instead of counting posts. */
export interface QuarantineCount {
  /** The account id. */
  _id: string;
  held: number;
}

export const quarantineCountSchema = new Schema(
  {
    _id: { type: String, required: true },
    held: { type: Number, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'quarantine_counts' },
);
