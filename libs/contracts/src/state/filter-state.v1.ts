import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'in',
  'nin',
  'empty',
  'not_empty',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;

/** A leaf value is plain data: scalars or arrays of scalars, never an object that could become an operator. */
const scalarSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
const leafValueSchema = z.union([scalarSchema, z.array(scalarSchema).max(1000)]).optional();

const leafTargets = {
  select: z.string().optional(),
  status: z.literal(true).or(z.string()).optional(),
  field: z.string().optional(),
  created_at: z.literal(true).optional(),
  updated_at: z.literal(true).optional(),
};

export type FilterCondition =
  { all: FilterCondition[] } | { any: FilterCondition[] } | { not: FilterCondition } | FilterLeaf;

export interface FilterLeaf {
  select?: string;
  status?: string | true;
  field?: string;
  created_at?: true;
  updated_at?: true;
  op: (typeof FILTER_OPERATORS)[number];
  value?: unknown;
}

export const filterConditionSchema: z.ZodType<FilterCondition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(filterConditionSchema).max(100) }).strict(),
    z.object({ any: z.array(filterConditionSchema).max(100) }).strict(),
    z.object({ not: filterConditionSchema }).strict(),
    z.object({ ...leafTargets, op: z.enum(FILTER_OPERATORS), value: leafValueSchema }).strict(),
  ]),
);

/** Value of `campaigns.filters.v1`, keyed by filter id. */
export const filterStateV1 = z.object({
  id: idSchema,
  account_id: idSchema,
  campaign_id: idSchema,
  name: z.string().min(1).max(200),
  condition: filterConditionSchema,
  version: z.number().int().positive(),
  updated_at: isoDateTimeSchema,
});

export type FilterStateV1 = z.infer<typeof filterStateV1>;
