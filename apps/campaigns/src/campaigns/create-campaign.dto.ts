import { z } from 'zod';
import {
  addFieldSchema,
  addRelationSchema,
  addSelectSchema,
  addStatusSchema,
} from '@campaigns/campaign-schema/dto/schema-bodies';

/** A campaign, optionally with its schema pieces in the shapes of the piece endpoints (API.md §6). */
export const createCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    fields: z.array(addFieldSchema).max(200).optional(),
    selects: z.array(addSelectSchema).max(100).optional(),
    statuses: z.array(addStatusSchema).min(1).max(100).optional(),
    relations: z.array(addRelationSchema).max(100).optional(),
  })
  .strict();

export type CreateCampaignDto = z.infer<typeof createCampaignSchema>;

export const updateCampaignSchema = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export type UpdateCampaignDto = z.infer<typeof updateCampaignSchema>;
