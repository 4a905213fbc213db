import { z } from 'zod';
import { selectOptionSchema, statusDefinitionSchema } from './campaign-schema.v1';
import { idSchema, isoDateTimeSchema, keySchema } from './ids';

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

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Bounds that keep a filter cheap to check, compile and evaluate on every partner request. */
export const FILTER_LIMITS = { maxDepth: 8, maxLeaves: 200, maxListValues: 100, maxStringLength: 1000 } as const;

/** The keys that name what a leaf tests; a leaf names exactly one. */
export const FILTER_TARGET_KEYS = ['select', 'status', 'field', 'created_at', 'updated_at'] as const;

/**
 * Operators each target allows before the campaign schema is known. Fields narrow this further
 * by type (see `@leadgate/filters`); a status named by slug (`{ status: 'won', op: 'eq' }`) takes eq/neq only.
 */
export const FILTER_TARGET_OPERATORS = {
  select: ['eq', 'neq', 'in', 'nin', 'empty', 'not_empty'],
  statusSlug: ['eq', 'neq'],
  status: ['eq', 'neq', 'in', 'nin', 'empty', 'not_empty'],
  field: FILTER_OPERATORS,
  timestamp: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
} as const satisfies Record<string, readonly FilterOperator[]>;

/** An instant with seconds, at most milliseconds and an explicit offset, on a real calendar day. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-](\d{2}):(\d{2}))$/;

export function isFilterInstant(value: string): boolean {
  const parts = INSTANT.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0..99 as 1900..1999
  const realDay = calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  const offsetOk = parts[8] === 'Z' || (Number(parts[9]) <= 23 && Number(parts[10]) <= 59);
  // Offsets may move the instant outside 0000..9999; its UTC form must stay a 4-digit year.
  const utc = new Date(value);
  const inRange = !Number.isNaN(utc.getTime()) && /^\d{4}-/.test(utc.toISOString());
  return realDay && hour <= 23 && minute <= 59 && second <= 59 && offsetOk && inRange;
}

/**
 * Text a stored lead can hold: no lone UTF-16 surrogate (BSON is UTF-8) and no U+0000 (PostgreSQL,
 * under FerretDB, cannot store it; MongoDB refuses it in a regex). Any other value could never match as written.
 */
export function isWellFormedText(value: string): boolean {
  return !/[\p{Cs}\u0000]/u.test(value);
}

export type FilterScalar = string | number | boolean;
export type FilterValue = FilterScalar | FilterScalar[];

export type FilterCondition =
  { all: FilterCondition[] } | { any: FilterCondition[] } | { not: FilterCondition } | FilterLeaf;

export interface FilterLeaf {
  select?: string;
  status?: string | true;
  field?: string;
  created_at?: true;
  updated_at?: true;
  op: FilterOperator;
  value?: FilterValue;
}

/** A leaf value is plain data: scalars or arrays of scalars, never null nor an object that could become an operator. */
const scalarSchema = z.union([
  z.string().max(FILTER_LIMITS.maxStringLength).refine(isWellFormedText, 'must be well-formed Unicode without U+0000'),
  z.number().finite(),
  z.boolean(),
]);

const leafShape = z
  .object({
    select: keySchema.optional(),
    status: z.union([z.literal(true), statusDefinitionSchema.shape.slug]).optional(),
    field: keySchema.optional(),
    created_at: z.literal(true).optional(),
    updated_at: z.literal(true).optional(),
    op: z.enum(FILTER_OPERATORS),
    value: z.union([scalarSchema, z.array(scalarSchema).min(1).max(FILTER_LIMITS.maxListValues)]).optional(),
  })
  .strict();

type LeafShape = z.infer<typeof leafShape>;

function leafKind(leaf: LeafShape): keyof typeof FILTER_TARGET_OPERATORS | null {
  const named = FILTER_TARGET_KEYS.filter((key) => leaf[key] !== undefined);
  if (named.length !== 1) return null;
  if (named[0] === 'created_at' || named[0] === 'updated_at') return 'timestamp';
  if (named[0] === 'status') return leaf.status === true ? 'status' : 'statusSlug';
  return named[0];
}

/** Per-element value rules that do not need the campaign schema. */
const elementSchemas = {
  select: selectOptionSchema.shape.value,
  status: statusDefinitionSchema.shape.slug,
  timestamp: z.string().refine(isFilterInstant, 'must be an ISO instant with offset, e.g. 2024-05-01T00:00:00Z'),
  field: scalarSchema,
};

function checkLeaf(leaf: LeafShape, ctx: z.RefinementCtx): void {
  const kind = leafKind(leaf);
  if (!kind) {
    ctx.addIssue({ code: 'custom', message: `must name exactly one of ${FILTER_TARGET_KEYS.join(', ')}` });
    return;
  }
  if (!(FILTER_TARGET_OPERATORS[kind] as readonly string[]).includes(leaf.op)) {
    ctx.addIssue({ code: 'custom', path: ['op'], message: `is not allowed here` });
    return;
  }
  const wantsNone = kind === 'statusSlug' || leaf.op === 'empty' || leaf.op === 'not_empty';
  const wantsList = leaf.op === 'in' || leaf.op === 'nin';
  const { value } = leaf;
  if (wantsNone) {
    if (value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be absent' });
    return;
  }
  if (value === undefined || Array.isArray(value) !== wantsList) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: wantsList ? 'must be a list' : 'must be one value' });
    return;
  }
  const element = elementSchemas[kind];
  (Array.isArray(value) ? value : [value]).forEach((item, index) => {
    if (!element.safeParse(item).success) {
      ctx.addIssue({
        code: 'custom',
        path: Array.isArray(value) ? ['value', index] : ['value'],
        message: 'is invalid',
      });
    }
  });
}

const leafSchema = leafShape.superRefine(checkLeaf);

const nodeSchema: z.ZodType<FilterCondition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(nodeSchema).min(1).max(FILTER_LIMITS.maxLeaves) }).strict(),
    z.object({ any: z.array(nodeSchema).min(1).max(FILTER_LIMITS.maxLeaves) }).strict(),
    z.object({ not: nodeSchema }).strict(),
    leafSchema,
  ]),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a candidate condition nests deeper than `maxDepth` (a leaf at the root is depth 1) or holds
 * more than `maxLeaves` leaves or group members. It stops at the first excess, so a hostile deep or
 * wide document is refused without walking it all and without a deep recursion.
 */
export function exceedsFilterLimits(root: unknown): boolean {
  let leaves = 0;
  const fits = (node: unknown, depth: number): boolean => {
    if (depth > FILTER_LIMITS.maxDepth) return false;
    if (isRecord(node)) {
      if (Object.hasOwn(node, 'not')) return fits(node['not'], depth + 1);
      const members = Object.hasOwn(node, 'all') ? node['all'] : Object.hasOwn(node, 'any') ? node['any'] : undefined;
      if (Array.isArray(members)) {
        return members.length <= FILTER_LIMITS.maxLeaves && members.every((member) => fits(member, depth + 1));
      }
    }
    leaves += 1;
    return leaves <= FILTER_LIMITS.maxLeaves;
  };
  return !fits(root, 1);
}

function checkLimits(root: unknown, ctx: z.RefinementCtx): void {
  if (exceedsFilterLimits(root)) {
    ctx.addIssue({
      code: 'custom',
      message: `must nest at most ${FILTER_LIMITS.maxDepth} levels and hold at most ${FILTER_LIMITS.maxLeaves} conditions`,
    });
  }
}

/** A filter condition (API.md §6), shape only: the campaign schema checks live in `@leadgate/filters`. */
export const filterConditionSchema: z.ZodType<FilterCondition, z.ZodTypeDef, unknown> = z
  .unknown()
  .superRefine(checkLimits)
  .pipe(nodeSchema);

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
