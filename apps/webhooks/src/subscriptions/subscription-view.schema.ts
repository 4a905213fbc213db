import { WEBHOOK_EVENT_TYPES } from '@leadgate/contracts';
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

/** A subscription as every answer shows it: never its secret (API.md §12). */
export const subscriptionViewSchema = z.object({
  id: z.string(),
  token_id: z.string().describe('The token whose slice of leads the subscription receives.'),
  campaign_id: z.string().nullable(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  description: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  disabled_reason: z.string().nullable().describe('Why it was disabled (`gone`, failures for 24 h, by hand).'),
  disabled_at: instant.nullable(),
  created_at: instant,
  updated_at: instant,
  version: z.number().int().positive(),
});

export const subscriptionWithSecretSchema = subscriptionViewSchema.extend({
  secret: z
    .string()
    .describe(
      'The signing secret (`whsec_` + base64), shown in this answer only: the signature key of every delivery.',
    ),
});

export const subscriptionListSchema = z.object({ data: z.array(subscriptionViewSchema) });

export const subscriptionViewExample: z.input<typeof subscriptionViewSchema> = {
  id: 'whk_Hk3n8QpZ2vLr0sYx',
  token_id: 'tok_7Lm2Qx9Vb4Nc',
  campaign_id: 'cmp_Tn3w8LqZ0aVb',
  url: 'https://crm.partner.example/leadgate/events',
  events: ['lead.created', 'lead.status_changed'],
  description: 'Partner ABC CRM',
  status: 'active',
  disabled_reason: null,
  disabled_at: null,
  created_at: '2025-05-01T09:30:00.000Z',
  updated_at: '2025-05-01T09:30:00.000Z',
  version: 1,
};

export const subscriptionWithSecretExample: z.input<typeof subscriptionWithSecretSchema> = {
  ...subscriptionViewExample,
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7jPNpT5RPt4=',
};
