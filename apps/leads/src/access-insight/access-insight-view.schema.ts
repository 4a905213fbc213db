import { z } from 'zod';

/** How many lead ids a preview shows of what its condition matches. */
export const PREVIEW_SAMPLE_SIZE = 20;

/** The body of a filter preview (API.md §14). The condition is checked in depth by validateCondition. */
export const filterPreviewBodySchema = z
  .object({
    condition: z
      .unknown()
      .describe('A filter condition (API.md §6), checked like one being saved: groups `all`, `any`, `not` and leaves.'),
    filter_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('A filter of this campaign: the answer then says what each live token on it would gain and lose.'),
  })
  .strict();

export type FilterPreviewBody = z.infer<typeof filterPreviewBodySchema>;

const tokenChangeSchema = z.object({
  token_id: z.string(),
  name: z.string(),
  gains: z.number().int().nonnegative().describe('Leads the condition matches that the filter does not now.'),
  loses: z.number().int().nonnegative().describe('Leads the filter matches now that the condition does not.'),
});

export const filterPreviewSchema = z.object({
  matching: z.number().int().nonnegative().describe('Leads of the campaign the condition matches now.'),
  sample: z
    .array(z.string())
    .max(PREVIEW_SAMPLE_SIZE)
    .describe(`Ids of the first ${PREVIEW_SAMPLE_SIZE} matching leads, oldest first.`),
  tokens: z
    .array(tokenChangeSchema)
    .describe('Every live campaign token on `filter_id`, if the condition replaced its filter; empty without one.'),
});

export type FilterPreviewView = z.infer<typeof filterPreviewSchema>;

const readerBase = { token_id: z.string(), name: z.string() };

/** A partner's campaign token: restricted by a filter that matches the lead, or by none. */
const campaignReaderSchema = z.object({
  ...readerBase,
  kind: z.literal('campaign'),
  permissions: z.array(z.string()),
  via: z.enum(['filter', 'campaign']),
});

/** An account token or an OAuth2 access token holding `leads:read` (or `leads:*`, or `admin`). */
const accountReaderSchema = z.object({
  ...readerBase,
  kind: z.enum(['account', 'access']),
  scopes: z.array(z.string()),
  via: z.literal('account'),
});

export const leadReaderSchema = z.union([campaignReaderSchema, accountReaderSchema]);

export type LeadReader = z.infer<typeof leadReaderSchema>;

export const leadAccessSchema = z.object({
  tokens: z.array(leadReaderSchema).describe('Every live token of the account that can read the lead now.'),
  webhooks: z
    .array(z.object({ id: z.string(), token_id: z.string(), url: z.string() }))
    .describe(
      'Webhook subscriptions that would receive the lead. Always empty for now: there is no webhooks service ' +
        'yet; when it comes (API.md §12) it fills this list.',
    ),
});

export type LeadAccessView = z.infer<typeof leadAccessSchema>;

export const filterPreviewBodyExample: z.input<typeof filterPreviewBodySchema> = {
  condition: {
    any: [
      { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
      { status: 'won', op: 'eq' },
    ],
  },
  filter_id: 'flt_Q2xk9Pm4Rt7s',
};

export const filterPreviewExample: z.input<typeof filterPreviewSchema> = {
  matching: 42,
  sample: ['lead_3fG7hJ9kL1mN', 'lead_8aB2cD4eF6gH'],
  tokens: [{ token_id: 'tok_P4rtn3rAbC12', name: 'Partner ABC', gains: 5, loses: 0 }],
};

export const leadAccessExample: z.input<typeof leadAccessSchema> = {
  tokens: [
    { token_id: 'tok_P4rtn3rAbC12', name: 'Partner ABC', kind: 'campaign', permissions: ['read'], via: 'filter' },
    { token_id: 'tok_Cr5yNc0000ab', name: 'CRM sync', kind: 'account', scopes: ['leads:*', 'files:*'], via: 'account' },
  ],
  webhooks: [],
};
