import { z } from 'zod';

const clientAuthentication = {
  client_id: z.string().optional().describe('The client id, when not sent by HTTP Basic.'),
  client_secret: z.string().optional().describe('The client secret (`lgs_...`), when not sent by HTTP Basic.'),
};

/** `POST /oauth/token` (RFC 6749 §4.4); the controller answers RFC 6749 errors for what is wrong. */
export const tokenRequestSchema = z.object({
  grant_type: z.literal('client_credentials'),
  scope: z
    .string()
    .optional()
    .describe('Space-separated scopes inside the credential\u2019s scope groups; all of them by default.'),
  ...clientAuthentication,
});

/** `POST /oauth/revoke` (RFC 7009) and `POST /oauth/introspect` (RFC 7662). */
export const tokenParamSchema = z.object({
  token: z.string().describe('The token to revoke or inspect.'),
  // RFC 7009 §2.1: a hint the server does not know is ignored, not refused (any string will do).
  token_type_hint: z
    .string()
    .optional()
    .describe('Ignored: the token is looked up by its own prefix (RFC 7009 \u00a72.1 lets a server do without hints).'),
  ...clientAuthentication,
});

export const accessTokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});

export const revokeResponseSchema = z.object({});

export const introspectionSchema = z.object({
  active: z.boolean(),
  scope: z.string().optional(),
  token_type: z.literal('Bearer').optional(),
  sub: z.string().optional(),
  kind: z.enum(['campaign', 'account', 'access']).optional(),
  account_id: z.string().optional(),
  campaign_id: z.string().nullable().optional(),
  filter_id: z.string().nullable().optional(),
  filter_version: z
    .number()
    .int()
    .optional()
    .describe('The version of the token\u2019s filter now (changes when an admin edits the filter).'),
  field_access: z
    .object({ hidden: z.array(z.string()), masked: z.array(z.string()), read_only: z.array(z.string()) })
    .optional()
    .describe('Campaign tokens: the lead fields it sees hidden, masked or read-only (API.md \u00a713).'),
  client_id: z.string().optional(),
  iat: z.number().int().optional(),
  exp: z.number().int().optional(),
});

export const OAUTH_FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'application/json'];
