import { z } from 'zod';
import { keySchema } from './ids';

/**
 * What a campaign token sees of each lead's `fields` (API.md §13), by field key. A key is in at
 * most one list; a field in none is read and written in full.
 */
export const fieldAccessSchema = z
  .object({
    hidden: z.array(keySchema).max(200).default([]),
    masked: z.array(keySchema).max(200).default([]),
    read_only: z.array(keySchema).max(200).default([]),
  })
  .strict();

export type FieldAccess = z.infer<typeof fieldAccessSchema>;
