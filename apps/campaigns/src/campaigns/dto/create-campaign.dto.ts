import { z } from 'zod';

export const createCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
  })
  .strict();

export type CreateCampaignDto = z.infer<typeof createCampaignSchema>;
