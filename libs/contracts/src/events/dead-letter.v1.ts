import { z } from 'zod';

/** Value of `leadgate.dead-letter.v1`: the refused message, verbatim, plus why it was refused. */
export const deadLetterV1 = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  value: z.string().nullable(),
  error: z.string().max(2000),
  consumer: z.string(),
  failed_at: z.string().datetime({ offset: true }),
});

export type DeadLetterV1 = z.infer<typeof deadLetterV1>;
