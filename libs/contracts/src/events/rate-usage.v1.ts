import { z } from 'zod';
import { idSchema } from '@leadgate/contracts/state/ids';

/**
 * Value of `gateway.rate-usage.v1`: how many requests one gateway process admitted for each token
 * in that token's current rate-limit window (ADR 027). Counts are cumulative per window, so a
 * record read twice or out of order changes nothing: readers keep the largest count they saw.
 */
export const rateUsageV1 = z.object({
  /** The publishing gateway process (instance id plus a per-start suffix): a restart is a new replica. */
  replica: z.string().min(1).max(120),
  counts: z
    .array(
      z.object({
        token_id: idSchema,
        /** Epoch ms the token's 60 s window started; every replica derives the same start from the token id. */
        window_start: z.number().int().nonnegative(),
        taken: z.number().int().nonnegative(),
      }),
    )
    .max(5000),
});

export type RateUsageV1 = z.infer<typeof rateUsageV1>;
