import { CampaignSchemaStateV1 } from '@leadgate/contracts';

/** What a partner may send for a lead (API.md §3 "Lead body"). */
export interface LeadInput {
  fields: Record<string, string | number | boolean | null>;
  select_field_values: Record<string, string | null>;
  status?: string;
  relations: Record<string, string | null>;
}

export interface InputProblem {
  path: string;
  message: string;
}

export type LeadInputResult = { ok: true; input: LeadInput } | { ok: false; errors: InputProblem[] };

const TOP_LEVEL_KEYS = new Set(['fields', 'select_field_values', 'status', 'relations']);
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{3,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 10_000;
const MAX_TEXTAREA = 100_000;
const UNKNOWN = 'unknown key for this campaign';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a lead body against the campaign's current schema, listing every problem (422, one
 * `errors` entry each). `null` clears a value, which only an update may do. Required fields are
 * checked on the lead as it would be stored (see `missingRequired`), not here.
 */
export function parseLeadInput(
  body: unknown,
  schema: CampaignSchemaStateV1,
  mode: 'create' | 'update',
): LeadInputResult {
  const errors: InputProblem[] = [];
  if (!isPlainObject(body)) return { ok: false, errors: [{ path: '(body)', message: 'must be a JSON object' }] };
  for (const key of Object.keys(body)) {
    if (!TOP_LEVEL_KEYS.has(key)) errors.push({ path: key, message: 'unknown key' });
  }
  const input: LeadInput = { fields: {}, select_field_values: {}, relations: {} };
  const section = (name: 'fields' | 'select_field_values' | 'relations') => {
    const value = body[name];
    if (value === undefined) return {};
    if (!isPlainObject(value)) {
      errors.push({ path: name, message: 'must be an object' });
      return {};
    }
    return value;
  };
  const allowNull = mode === 'update';

  const read = (
    name: 'fields' | 'select_field_values' | 'relations',
    check: (key: string, value: unknown) => string | null,
  ) => {
    const target = input[name] as Record<string, unknown>;
    for (const [key, value] of Object.entries(section(name))) {
      const path = `${name}.${key}`;
      if (value === null) {
        // null clears a value on update; a create has nothing to clear.
        if (!allowNull) errors.push({ path, message: 'must not be null' });
        else if (check(key, undefined) === UNKNOWN) errors.push({ path, message: UNKNOWN });
        else target[key] = null;
        continue;
      }
      const problem = check(key, value);
      if (problem) errors.push({ path, message: problem });
      else target[key] = value;
    }
  };
  read('fields', (key, value) => {
    const field = schema.fields.find((candidate) => candidate.key === key);
    if (!field) return UNKNOWN;
    return value === undefined ? null : fieldValueProblem(field.type, value);
  });
  read('select_field_values', (key, value) => {
    const select = schema.selects.find((candidate) => candidate.key === key);
    if (!select) return UNKNOWN;
    if (value === undefined || select.options.some((option) => option.value === value)) return null;
    return `must be one of ${select.options.map((option) => option.value).join(', ')}`;
  });
  read('relations', (key, value) => {
    const relation = schema.relations.find((candidate) => candidate.key === key);
    if (!relation) return UNKNOWN;
    return value === undefined || relation.options.some((option) => option.id === value)
      ? null
      : 'not an option of this relation';
  });
  if (body['status'] !== undefined) {
    const status = body['status'];
    if (typeof status !== 'string' || !schema.statuses.some((candidate) => candidate.slug === status)) {
      errors.push({
        path: 'status',
        message: `must be one of ${schema.statuses.map((candidate) => candidate.slug).join(', ')}`,
      });
    } else input.status = status;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** Why `value` is not a valid value of a field of `type`, or null when it is. */
export function fieldValueProblem(
  type: CampaignSchemaStateV1['fields'][number]['type'],
  value: unknown,
): string | null {
  switch (type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return 'must be a string';
      return value.length > (type === 'text' ? MAX_TEXT : MAX_TEXTAREA) ? 'is too long' : null;
    case 'email':
      return typeof value === 'string' && EMAIL.test(value) ? null : 'must be an e-mail address';
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? null : 'must be a phone number';
    case 'url':
      return typeof value === 'string' && isHttpUrl(value) ? null : 'must be an http(s) URL';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'must be a date, YYYY-MM-DD';
  }
}

/** A URI is ASCII (RFC 3986): an international name comes as punycode, other characters percent-encoded. */
const URI_CHARACTERS = /^[\x21-\x7e]+$/;

function isHttpUrl(value: string): boolean {
  if (value.length > 2000 || !URI_CHARACTERS.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Required fields that the lead, as it would be stored, lacks. */
export function missingRequired(schema: CampaignSchemaStateV1, fields: Record<string, unknown>): InputProblem[] {
  return schema.fields
    .filter(
      (field) =>
        field.required && (fields[field.key] === undefined || fields[field.key] === null || fields[field.key] === ''),
    )
    .map((field) => ({ path: `fields.${field.key}`, message: 'is required' }));
}
