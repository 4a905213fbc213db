import { auditEntryV1 } from '@leadgate/contracts';
import { z } from 'zod';

export const auditPageQuerySchema = z
  .object({
    cursor: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type AuditPageQuery = z.infer<typeof auditPageQuerySchema>;

export const auditPageSchema = z.object({
  data: z.array(auditEntryV1),
  next_cursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page; null at the end.'),
});

export const auditPageExample: z.input<typeof auditPageSchema> = {
  data: [
    {
      id: 'aud_Qm9vQmFyQmF6UXV4',
      account_id: 'acct_demo',
      at: '2026-11-28T01:00:00.000Z',
      actor: { kind: 'user', id: 'usr_4fXk2LmQ9pRt7vWz', name: 'jane@example.com' },
      action: 'tokens.rotate',
      target: { type: 'tokens', id: 'tok_8hJk3LmN0pQr5sTu' },
      campaign_id: null,
      request_id: '0b9c6f1e-3f9a-4a53-9d0e-6f1c2b7a9e11',
      client_ip: '203.0.113.7',
      service: 'identity',
    },
  ],
  next_cursor: null,
};
