import { z } from 'zod';
import { idSchema, isoDateTimeSchema, keySchema } from './ids';

export const FIELD_TYPES = ['text', 'email', 'phone', 'number', 'date', 'boolean', 'url', 'textarea'] as const;

export const fieldDefinitionSchema = z.object({
  key: keySchema,
  label: z.string().min(1).max(200),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
});

export const selectOptionSchema = z.object({
  value: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE')
    .max(64),
  label: z.string().min(1).max(200),
});

export const selectDefinitionSchema = z.object({
  key: keySchema,
  label: z.string().min(1).max(200),
  options: z.array(selectOptionSchema),
});

export const statusDefinitionSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, 'must be a lower-case slug')
    .max(64),
  label: z.string().min(1).max(200),
  is_default: z.boolean(),
  order: z.number().int().nonnegative(),
});

export const relationDefinitionSchema = z.object({
  key: keySchema,
  label: z.string().min(1).max(200),
  options: z.array(z.object({ id: idSchema, label: z.string().min(1).max(200) })),
});

/** Value of `campaigns.schemas.v1`, keyed by campaign id: the whole current campaign schema. */
export const campaignSchemaStateV1 = z.object({
  id: idSchema,
  account_id: idSchema,
  name: z.string().min(1).max(200),
  fields: z.array(fieldDefinitionSchema),
  selects: z.array(selectDefinitionSchema),
  statuses: z.array(statusDefinitionSchema).min(1),
  relations: z.array(relationDefinitionSchema),
  receiver: z.object({ require_authentication: z.boolean() }),
  version: z.number().int().positive(),
  updated_at: isoDateTimeSchema,
});

export type CampaignSchemaStateV1 = z.infer<typeof campaignSchemaStateV1>;
