import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '@leadgate/contracts/state/ids';

/** Value of `identity.token-usage.v1`: when each token was last used, as seen by one gateway. */
export const tokenUsageV1 = z.object({
  gateway: z.string().max(100),
  usage: z.array(z.object({ token_id: idSchema, last_used_at: isoDateTimeSchema })).max(10000),
});

export type TokenUsageV1 = z.infer<typeof tokenUsageV1>;
