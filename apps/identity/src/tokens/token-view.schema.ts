import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

/** A token as the admin API shows it: everything but its secret (API.md §6). */
export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['campaign', 'account', 'access']),
  status: z.enum(['active', 'revoked', 'expired']),
  scopes: z.array(z.string()).describe('The scopes the token holds, expanded from its permissions or preset.'),
  permissions: z
    .array(z.enum(['read', 'write', 'webhooks']))
    .optional()
    .describe('Campaign tokens: the permissions it was made with.'),
  campaign_id: z.string().nullable(),
  filter_id: z.string().nullable(),
  field_access: z
    .object({ hidden: z.array(z.string()), masked: z.array(z.string()), read_only: z.array(z.string()) })
    .nullable()
    .describe(
      'Campaign tokens: the lead fields it sees hidden, masked or read-only (API.md \u00a713); null otherwise.',
    ),
  docs_url: z
    .string()
    .nullable()
    .describe(
      'The token\u2019s public documentation link; null unless the caller\u2019s scopes cover the token\u2019s.',
    ),
  rate_limit_per_minute: z.number().int().nullable(),
  created_at: instant,
  updated_at: instant,
  expires_at: instant.nullable(),
  revoked_at: instant.nullable(),
  last_used_at: instant.nullable(),
  version: z.number().int(),
});

/** Creation and rotation also answer the secret, once. */
export const createdTokenViewSchema = tokenViewSchema.extend({
  token: z.string().describe('The token string (`lgt_...`), shown in this answer only.'),
});

export const tokenListSchema = z.object({ data: z.array(tokenViewSchema) });

export const tokenViewExample: z.input<typeof tokenViewSchema> = {
  id: 'tok_4kq7Jc2mWb9xYt1R',
  name: 'Partner ABC',
  kind: 'campaign',
  status: 'active',
  scopes: ['leads:read', 'files:read', 'campaigns:read', 'leads:write', 'files:write'],
  permissions: ['read', 'write'],
  campaign_id: 'cmp_Tn3w8LqZ0aVb',
  filter_id: 'flt_Q2xk9Pm4Rt7s',
  field_access: { hidden: ['phone'], masked: ['email'], read_only: [] },
  docs_url: 'https://leadgate.example/docs/p/dk_8Hc3vX0pQm',
  rate_limit_per_minute: null,
  created_at: '2025-05-01T09:30:00.000Z',
  updated_at: '2025-05-01T09:30:00.000Z',
  expires_at: null,
  revoked_at: null,
  last_used_at: null,
  version: 1,
};

export const createdTokenViewExample: z.input<typeof createdTokenViewSchema> = {
  ...tokenViewExample,
  token: 'lgt_4kq7Jc2mWb9xYt1R_3vN8pQ2sK6dF9hJ1mZ4xC7bV0nL5tR8w_a1b2c3',
};

export const accountTokenViewExample: z.input<typeof tokenViewSchema> = {
  ...tokenViewExample,
  name: 'CRM sync',
  kind: 'account',
  scopes: ['leads:*', 'files:*', 'campaigns:read'],
  permissions: undefined,
  campaign_id: null,
  filter_id: null,
  field_access: null,
  docs_url: null,
};

export const accountTokenExample: z.input<typeof createdTokenViewSchema> = {
  ...accountTokenViewExample,
  token: createdTokenViewExample.token,
};
