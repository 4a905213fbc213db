import { WEBHOOK_EVENT_TYPES } from '@leadgate/contracts';
import { z } from 'zod';

// The URL is only typed here; what it may point at is the targets room's question (targetUrlProblem),
// asked by the service so its answer sits in the same 422 as the other problems.
const url = z.string().max(2048).describe('`https` URL the events are posted to.');
const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((list) => new Set(list).size === list.length, { message: 'each event type once' })
  .describe('The lead events to receive.');
const description = z.string().trim().min(1).max(500).nullable();

export const createSubscriptionSchema = z.object({ url, events, description: description.optional() }).strict();

export type CreateSubscriptionBody = z.infer<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z
  .object({
    url: url.optional(),
    events: events.optional(),
    description: description.optional(),
    status: z
      .enum(['active', 'disabled'])
      .optional()
      .describe('`active` turns a disabled subscription back on (and clears the reason); `disabled` pauses it.'),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'change at least one of url, events, description, status',
  });

export type UpdateSubscriptionBody = z.infer<typeof updateSubscriptionSchema>;
