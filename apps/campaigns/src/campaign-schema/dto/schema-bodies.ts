import {
  fieldDefinitionSchema,
  relationDefinitionSchema,
  selectDefinitionSchema,
  selectOptionSchema,
  statusDefinitionSchema,
} from '@leadgate/contracts';
import { z } from 'zod';

/** Request bodies for schema pieces: the contract's shapes, strict, with sensible defaults. */
export const addFieldSchema = fieldDefinitionSchema.extend({ required: z.boolean().default(false) }).strict();
export const changeFieldSchema = z
  .object({ label: z.string().min(1).max(200).optional(), required: z.boolean().optional() })
  .strict();

export const addSelectSchema = selectDefinitionSchema
  .extend({ options: z.array(selectOptionSchema.strict()).max(500).default([]) })
  .strict();
export const changeSelectSchema = z.object({ label: z.string().min(1).max(200) }).strict();
export const addOptionSchema = selectOptionSchema.strict();
export const changeOptionSchema = z.object({ label: z.string().min(1).max(200) }).strict();

export const addStatusSchema = statusDefinitionSchema
  .pick({ slug: true, label: true })
  .extend({ is_default: z.boolean().optional() })
  .strict();
export const changeStatusSchema = z
  .object({
    label: z.string().min(1).max(200).optional(),
    is_default: z.boolean().optional(),
    order: z.number().int().min(0).optional(),
  })
  .strict();

export const addRelationSchema = relationDefinitionSchema
  .extend({ options: relationDefinitionSchema.shape.options.max(1000).default([]) })
  .strict();
export const changeRelationSchema = relationDefinitionSchema.pick({ label: true, options: true }).partial().strict();

export const receiverSettingsSchema = z.object({ require_authentication: z.boolean() }).strict();
