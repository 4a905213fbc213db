import { ROLES } from '@leadgate/auth-core';
import { z } from 'zod';

/** `GET /v1/auth/session`: the answer's shape, for the admin OpenAPI (and so the console's client). */
export const sessionViewSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    status: z.enum(['invited', 'active']),
  }),
  account: z.object({ id: z.string(), name: z.string().nullable() }),
  scopes: z.array(z.string()).describe('What the role grants (API.md §11): the console shows only what these allow.'),
  csrf_token: z.string().describe('Send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE of this session.'),
  expires_at: z.string().datetime().describe('The session ends then at the latest (7 days after sign-in).'),
  idle_expires_at: z.string().datetime().describe('And earlier when unused until then (12 h idle).'),
});

export const sessionViewExample: z.infer<typeof sessionViewSchema> = {
  user: { id: 'usr_4fXk2LmQ9pRt7vWz', email: 'jane@example.com', role: 'developer', status: 'active' },
  account: { id: 'acct_demo', name: 'Demo' },
  scopes: ['campaigns:read', 'campaigns:write', 'leads:read', 'tokens:read', 'tokens:write'],
  csrf_token: 'q8N...',
  expires_at: '2025-05-08T09:00:00.000Z',
  idle_expires_at: '2025-05-01T21:00:00.000Z',
};
