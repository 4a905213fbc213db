import { ROLES } from '@leadgate/auth-core';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@identity/users/password-hash';

/**
 * zod's own e-mail rule (no leading, trailing or double dot in the local part; a letters-only top-level
 * domain) written out, so the admin OpenAPI carries it as `pattern` and says exactly what is accepted.
 * Surrounding whitespace is allowed: the address is trimmed first.
 */
const EMAIL = /^\s*([A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}\s*$/;

/** E-mail as people type it: trimmed; compared lower-cased (email_key). */
export const emailSchema = z.string().trim().min(3).max(254).regex(EMAIL, 'Invalid email');

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

export const roleSchema = z.enum(ROLES);

export const inviteUserSchema = z.object({ email: emailSchema, role: roleSchema }).strict();
export type InviteUserBody = z.infer<typeof inviteUserSchema>;

export const updateUserSchema = z.object({ role: roleSchema }).strict();
export type UpdateUserBody = z.infer<typeof updateUserSchema>;

export const acceptInvitationSchema = z
  .object({ token: z.string().min(1).max(256), password: passwordSchema })
  .strict();
export type AcceptInvitationBody = z.infer<typeof acceptInvitationSchema>;

// Sign-in takes any password length up to the maximum: a too-short one is simply wrong (401).
export const loginSchema = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) })
  .strict();
export type LoginBody = z.infer<typeof loginSchema>;
