import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '@leadgate/contracts/state/ids';

/**
 * Value of `platform.audit.v1`: one change made in an account (API.md §11), recorded by the service
 * that made it. Who (a token, an access token or a person), what (action, target), when, with the
 * request id and the caller's address. Ids and names only: never a body, never a secret.
 */
export const auditEntryV1 = z.object({
  id: idSchema,
  account_id: idSchema,
  at: isoDateTimeSchema,
  actor: z.object({
    kind: z.enum(['account', 'access', 'campaign', 'user', 'service']),
    id: z.string().max(64),
    /** The token's name or the person's e-mail, as the gateway knew it. */
    name: z.string().max(254).nullable(),
  }),
  /** `<resource>.<verb>`, e.g. `tokens.rotate`, `filters.update`, `users.delete`, `sessions.create`. */
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/).max(64),
  target: z.object({ type: z.string().max(64), id: z.string().max(200).nullable() }),
  /** The campaign the target belongs to, for schema pieces, filters, campaign tokens and the receiver. */
  campaign_id: z.string().max(64).nullable(),
  request_id: z.string().max(128).nullable(),
  client_ip: z.string().max(64).nullable(),
  /** The service that made the change. */
  service: z.string().max(64),
});

export type AuditEntryV1 = z.infer<typeof auditEntryV1>;
