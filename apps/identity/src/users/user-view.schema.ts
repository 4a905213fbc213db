import { ROLES } from '@leadgate/auth-core';
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

/** A person as the admin API shows them: never a password or invitation hash (API.md §11). */
export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES).describe('owner and admin: every scope; developer: all but users and audit; viewer: reads.'),
  status: z.enum(['invited', 'active']).describe('Invited people cannot sign in until they accept.'),
  invitation_expires_at: instant.nullable(),
  created_at: instant,
  updated_at: instant,
});

export const invitedUserViewSchema = userViewSchema.extend({
  invite_url: z
    .string()
    .describe('The one-time invitation link (72 h), shown in this answer only; the secret is in its fragment.'),
});

export const userListSchema = z.object({ data: z.array(userViewSchema) });

export const signedInSchema = z.object({
  user: userViewSchema,
  account: z.object({ id: z.string(), name: z.string() }),
  csrf_token: z.string().describe('Send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE of this session.'),
});

export const userViewExample: z.input<typeof userViewSchema> = {
  id: 'usr_4fXk2LmQ9pRt7vWz',
  email: 'jane@example.com',
  role: 'developer',
  status: 'active',
  invitation_expires_at: null,
  created_at: '2025-05-01T09:00:00.000Z',
  updated_at: '2025-05-01T09:30:00.000Z',
};

export const invitedUserViewExample: z.input<typeof invitedUserViewSchema> = {
  ...userViewExample,
  status: 'invited',
  invitation_expires_at: '2025-05-04T09:00:00.000Z',
  invite_url: 'https://leadgate.example/console/accept-invite#token=lgi_4fXk2LmQ9pRt7vWz_...',
};
