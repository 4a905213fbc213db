import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

/** A receiver post held in quarantine (API.md §4, §6). */
export const quarantineViewSchema = z.object({
  id: z.string(),
  campaign_id: z.string(),
  reason: z.enum(['missing_token', 'invalid_token', 'insufficient_scope', 'wrong_account']),
  state: z.enum(['held', 'released', 'discarded']),
  body: z.unknown().describe('The post as it was received.'),
  client_address: z.string().nullable(),
  received_at: instant,
  lead_id: z.string().nullable(),
});

export const quarantineListSchema = z.object({
  data: z.array(quarantineViewSchema),
  total: z.number().int().describe('Posts held for the account.'),
  quota: z.number().int().describe('How many posts the account may hold.'),
});

/** The lead a released post became (the partner API's lead shape, API.md §3). */
export const releasedPostSchema = z.object({
  lead: z.object({
    id: z.string(),
    campaign_id: z.string(),
    fields: z.record(z.union([z.string(), z.number(), z.boolean()])),
    select_field_values: z.record(z.string()),
    status: z.string(),
    relations: z.record(z.string()),
    version: z.number().int(),
    created_at: instant,
    updated_at: instant,
    source: z.object({ kind: z.enum(['api', 'receiver']), id: z.string() }),
  }),
  quarantine_id: z.string(),
});

export const quarantineViewExample: z.input<typeof quarantineViewSchema> = {
  id: 'qtn_8sD2kL5mQ0xP',
  campaign_id: 'cmp_Tn3w8LqZ0aVb',
  reason: 'missing_token',
  state: 'held',
  body: { name: 'Jane Doe', email: 'jane@example.com' },
  client_address: '203.0.113.7',
  received_at: '2025-05-01T10:00:00.000Z',
  lead_id: null,
};

export const releasedPostExample: z.input<typeof releasedPostSchema> = {
  lead: {
    id: 'lead_3fG7hJ9kL1mN',
    campaign_id: 'cmp_Tn3w8LqZ0aVb',
    fields: { name: 'Jane Doe', email: 'jane@example.com' },
    select_field_values: {},
    status: 'new',
    relations: {},
    version: 1,
    created_at: '2025-05-01T10:05:00.000Z',
    updated_at: '2025-05-01T10:05:00.000Z',
    source: { kind: 'receiver', id: 'anonymous' },
  },
  quarantine_id: 'qtn_8sD2kL5mQ0xP',
};
