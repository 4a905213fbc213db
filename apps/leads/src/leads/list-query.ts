import { CampaignSchemaStateV1, FieldAccess } from '@leadgate/contracts';
import { accessLevel } from '@leadgate/field-access';
import { ListPosition } from './list-pages';

export interface ParsedListQuery {
  conditions: Record<string, unknown>[];
  limit: number;
  after: ListPosition | null;
}

export type ListQueryResult =
  { ok: true; query: ParsedListQuery } | { ok: false; errors: { path: string; message: string }[] };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Opaque to callers: the list position a page ends at (list-pages.ts). */
export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.bucket, position.created_at, position.id]), 'utf8').toString('base64url');
}

function decodeCursor(value: string): ListPosition | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded)) return null;
  const [bucket, created_at, id] = decoded as unknown[];
  if (decoded.length === 3 && Number.isSafeInteger(bucket) && (bucket as number) >= 0)
    if (typeof created_at === 'string' && typeof id === 'string') return { bucket: bucket as number, created_at, id };
  // Cursors given out before list buckets (created_at, id): the same position, found from the first bucket.
  if (decoded.length === 2 && typeof decoded[0] === 'string' && typeof decoded[1] === 'string')
    return { bucket: 0, created_at: decoded[0], id: decoded[1] };
  return null;
}

/** A JSON number, exponent included (`4.2e+3`): the same numbers a lead body may carry. */
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * `field.<key>=<value>`: the value as the field's type stores it, or why it cannot be asked for.
 * A field hidden from the token is not there for it; a masked one cannot be asked for either, since
 * an exact match on it would reveal the value the mask keeps back (API.md §13).
 */
function fieldCondition(
  key: string,
  raw: string,
  schema: CampaignSchemaStateV1,
  access: FieldAccess | null,
): { condition: Record<string, unknown> } | { problem: string } {
  const field = schema.fields.find((candidate) => candidate.key === key);
  if (!field) return { problem: 'unknown field' };
  const level = accessLevel(access, key);
  if (level === null) return { problem: 'hidden from this token' };
  if (level === 'masked')
    return { problem: 'masked for this token: a query on its value would reveal what the mask keeps back' };
  let value: string | number | boolean = raw;
  if (field.type === 'number') {
    if (!NUMBER.test(raw) || !Number.isFinite(Number(raw))) return { problem: 'must be a number' };
    value = Number(raw);
  } else if (field.type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') return { problem: 'must be true or false' };
    value = raw === 'true';
  }
  return { condition: { [`fields.${key}`]: { $eq: value } } };
}

/**
 * The list's query parameters (API.md §3), each checked against the campaign's schema and the
 * token's field access. A parameter the schema does not know is a 400, never passed on: values only
 * ever reach the database inside `$eq`/`$gte`, as plain strings, numbers or booleans.
 */
export function parseListQuery(
  params: Record<string, unknown>,
  schema: CampaignSchemaStateV1,
  access: FieldAccess | null = null,
): ListQueryResult {
  const errors: { path: string; message: string }[] = [];
  const conditions: Record<string, unknown>[] = [];
  let limit = 50;
  let after: ParsedListQuery['after'] = null;
  for (const [name, raw] of Object.entries(params)) {
    if (typeof raw !== 'string') {
      errors.push({ path: name, message: 'must be given once, as a plain value' });
      continue;
    }
    if (name === 'limit') {
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || value < 1 || value > 500) errors.push({ path: name, message: 'must be 1 to 500' });
      else limit = value;
    } else if (name === 'cursor') {
      after = decodeCursor(raw);
      if (!after) errors.push({ path: name, message: 'is not a cursor this API gave out' });
    } else if (name === 'status') {
      if (!schema.statuses.some((status) => status.slug === raw))
        errors.push({ path: name, message: 'unknown status' });
      else conditions.push({ status: { $eq: raw } });
    } else if (name === 'updated_since') {
      if (!ISO_TIME.test(raw) || Number.isNaN(Date.parse(raw)))
        errors.push({ path: name, message: 'must be an ISO 8601 time' });
      else conditions.push({ updated_at: { $gte: new Date(raw).toISOString() } });
    } else if (name.startsWith('select.')) {
      const key = name.slice('select.'.length);
      const select = schema.selects.find((candidate) => candidate.key === key);
      if (!select) errors.push({ path: name, message: 'unknown select' });
      else if (!select.options.some((option) => option.value === raw))
        errors.push({ path: name, message: 'not an option of this select' });
      else conditions.push({ [`select_field_values.${key}`]: { $eq: raw } });
    } else if (name.startsWith('field.')) {
      const parsed = fieldCondition(name.slice('field.'.length), raw, schema, access);
      if ('problem' in parsed) errors.push({ path: name, message: parsed.problem });
      else conditions.push(parsed.condition);
    } else {
      errors.push({ path: name, message: 'unknown query parameter' });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, query: { conditions, limit, after } };
}
