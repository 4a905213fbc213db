import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const LIST_SEQUENCE_MODEL = 'LeadListSequence';

/** Per campaign: how many list positions were handed out (list-buckets.ts). */
export interface ListSequenceDocument {
  /** The campaign id. */
  _id: string;
  numbered: number;
}

export const listSequenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    numbered: { type: Number, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'lead_list_sequences' },
);
