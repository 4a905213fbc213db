import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '@leadgate/contracts/state/ids';

export const LEAD_EVENT_TYPES = [
  'lead.created',
  'lead.updated',
  'lead.status_changed',
  'lead.deleted',
  'lead.quarantined',
] as const;

/** Value of `leads.events.v1`, keyed by lead id: a CloudEvents 1.0 JSON envelope (API.md §8). */
export const leadEventV1 = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(128),
  source: z.string().min(1).max(200),
  type: z.enum(LEAD_EVENT_TYPES),
  subject: z.string().min(1).max(128),
  time: isoDateTimeSchema,
  datacontenttype: z.literal('application/json'),
  data: z.object({
    campaign_id: idSchema,
    lead: z.record(z.unknown()),
    changed: z.array(z.string()),
    actor: z.object({ kind: z.string(), id: z.string() }),
  }),
});

export type LeadEventV1 = z.infer<typeof leadEventV1>;
