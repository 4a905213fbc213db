import { z } from 'zod';
import { fieldAccessSchema } from '@leadgate/contracts';

const name = z.string().trim().min(1).max(200);
const expiresAt = z.string().datetime({ offset: true }).nullable().optional();
const rateLimit = z.number().int().min(1).max(1_000_000).nullable().optional();
/** Campaign tokens only (API.md §13): the fields it sees hidden, masked or read-only; lists left out are empty. */
const fieldAccess = fieldAccessSchema.describe(
  'Which lead fields the token sees hidden, masked or read-only, by field key (campaign tokens only).',
);

export const createAccountTokenSchema = z
  .object({
    name,
    scopes: z.array(z.string().max(64)).min(1).max(32).optional(),
    preset: z.string().max(64).optional(),
    expires_at: expiresAt,
    rate_limit_per_minute: rateLimit,
  })
  .strict()
  .refine((body) => (body.scopes === undefined) !== (body.preset === undefined), {
    message: 'give either scopes or preset, not both and not neither',
    path: ['scopes'],
  });

export type CreateAccountTokenBody = z.infer<typeof createAccountTokenSchema>;

export const createCampaignTokenSchema = z
  .object({
    name,
    permissions: z.array(z.string().max(16)).min(1).max(3),
    filter_id: z.string().max(64).nullable().optional(),
    field_access: fieldAccess.optional(),
    expires_at: expiresAt,
    rate_limit_per_minute: rateLimit,
  })
  .strict();

export type CreateCampaignTokenBody = z.infer<typeof createCampaignTokenSchema>;

export const updateTokenSchema = z
  .object({
    name: name.optional(),
    expires_at: expiresAt,
    rate_limit_per_minute: rateLimit,
    field_access: fieldAccess.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: [] });

export type UpdateTokenBody = z.infer<typeof updateTokenSchema>;

export const rotateTokenSchema = z
  .object({
    grace_period_seconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600)
      .optional(),
  })
  .strict();

export type RotateTokenBody = z.infer<typeof rotateTokenSchema>;
