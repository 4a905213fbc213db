import { z } from 'zod';

/** The condition is checked in depth by validateCondition against the campaign's schema. */
export const createFilterSchema = z
  .object({ name: z.string().trim().min(1).max(200), condition: z.unknown() })
  .strict();
export const updateFilterSchema = z
  .object({ name: z.string().trim().min(1).max(200).optional(), condition: z.unknown().optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.condition !== undefined, { message: 'nothing to change' });

export type CreateFilterBody = z.infer<typeof createFilterSchema>;
export type UpdateFilterBody = z.infer<typeof updateFilterSchema>;
