import { SHARED_SCHEMA_OPTIONS } from '@leadgate/mongo';
import { Schema } from 'mongoose';

export const ACCOUNT_MODEL = 'Account';

export interface AccountDocument {
  _id: string;
  name: string;
  created_at: string;
}

export const accountSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    created_at: { type: String, required: true },
  },
  { ...SHARED_SCHEMA_OPTIONS, collection: 'accounts' },
);
