import { z } from 'zod';

/** Opaque ids: letters, digits, `_` and `-` only, so an id can never smuggle a query operator. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -');

/** Keys of fields, selects and relations: lower snake case, never `.` nor a leading `$`. */
export const keySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case starting with a letter');

export const isoDateTimeSchema = z.string().datetime({ offset: true });
