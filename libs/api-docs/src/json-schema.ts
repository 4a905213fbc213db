import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { maskedSample } from './examples';
import {
  levelOf,
  MASKED_WRITE_NOTE,
  maskedNote,
  READ_ONLY_NOTE,
  UNWRITABLE_NOTE,
  writableFields,
} from './field-access-docs';
import { CampaignDocs, JsonSchema } from './model';

type Field = CampaignSchemaStateV1['fields'][number];

/** Mirrors the lead service's checks (apps/leads lead-input.ts), so documented limits are real ones. */
export const PHONE_PATTERN = '^\\+?[0-9][0-9 ()-]{3,30}$';
/** Every service refuses U+0000 in a body (422) or query (400): the database cannot store it. */
export const NO_NUL_PATTERN = '^[^\\u0000]*$';
/** The lead service's e-mail check (no spaces, one @, a dot after it), without NUL. */
export const EMAIL_PATTERN = '^[^\\s@\\u0000]{1,64}@[^\\s@\\u0000]{1,255}\\.[^\\s@\\u0000]{1,63}$';
export const MAX_TEXT = 10_000;
export const MAX_TEXTAREA = 100_000;
export const MAX_BATCH = 1000;

/** The JSON Schema of one field's value (API.md §1 field types). */
export function fieldValueSchema(field: Field): JsonSchema {
  const base = { title: field.label };
  switch (field.type) {
    case 'text':
      return { ...base, type: 'string', maxLength: MAX_TEXT, pattern: NO_NUL_PATTERN };
    case 'textarea':
      return { ...base, type: 'string', maxLength: MAX_TEXTAREA, pattern: NO_NUL_PATTERN };
    case 'email':
      // The lead service's own rule, not `format: email` (RFC 5322 is stricter than what it takes).
      return { ...base, type: 'string', pattern: EMAIL_PATTERN, description: 'An e-mail address: name@domain.tld.' };
    case 'phone':
      return { ...base, type: 'string', pattern: PHONE_PATTERN };
    case 'url':
      return {
        ...base,
        type: 'string',
        format: 'uri',
        // ASCII, as RFC 3986 has it: an international name as punycode, other characters percent-encoded.
        pattern: '^https?://[\\x21-\\x7E]+$',
        maxLength: 2000,
        description: 'An http(s) URL in ASCII (punycode host, percent-encoded path).',
      };
    case 'number':
      return { ...base, type: 'number' };
    case 'date':
      return { ...base, type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'boolean':
      return { ...base, type: 'boolean' };
  }
}

/**
 * A `field.<key>` list parameter: an exact match on the stored value. Numbers and booleans must
 * parse as such (400 otherwise); any other text is simply compared, so it needs no format.
 */
export function queryValueSchema(field: Field): JsonSchema {
  const base = { title: field.label };
  if (field.type === 'number') return { ...base, type: 'number' };
  if (field.type === 'boolean') return { ...base, type: 'boolean' };
  return { ...base, type: 'string', pattern: NO_NUL_PATTERN };
}

/** A JSON Schema that allows exactly `values`: `const` for one, `enum` for several, nothing for none. */
export function oneOfValues(values: readonly string[], extra: JsonSchema = {}): JsonSchema {
  if (values.length === 0) return { ...extra, not: {}, description: 'No value is allowed for this token.' };
  if (values.length === 1) return { ...extra, type: 'string', const: values[0] };
  return { ...extra, type: 'string', enum: [...values] };
}

const PINNED_NOTE = 'Fixed by this token: filled in automatically when left out.';

function selectSchema(docs: CampaignDocs, key: string): JsonSchema {
  const select = docs.schema.selects.find((candidate) => candidate.key === key);
  const pinned = docs.pinned.select_field_values[key];
  const title = select?.label ?? key;
  if (pinned !== undefined) return { title, type: 'string', const: pinned, description: PINNED_NOTE };
  return oneOfValues(select?.options.map((option) => option.value) ?? [], { title });
}

export function statusSchema(docs: CampaignDocs): JsonSchema {
  if (docs.pinned.status !== null) {
    return { type: 'string', const: docs.pinned.status, description: PINNED_NOTE };
  }
  const slugs = docs.schema.statuses.map((status) => status.slug);
  const fallback = docs.schema.statuses.find((status) => status.is_default)?.slug;
  return oneOfValues(slugs, fallback ? { description: `Default: \`${fallback}\`.` } : {});
}

function nullable(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

function objectOf(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/**
 * The body of a create or update (API.md §3 "Lead body"). Creates must carry the required fields;
 * a required field is never empty, and an update cannot clear it (no `null`), while it may send
 * `null` to clear any other value. Unknown keys are refused (422), so each object is closed.
 */
export function leadBodySchema(docs: CampaignDocs, mode: 'create' | 'update'): JsonSchema {
  const { schema } = docs;
  const wrap = (value: JsonSchema) => (mode === 'update' ? nullable(value) : value);
  // Only what the token may write: hidden and read-only fields are refused (422), so not documented.
  const writable = writableFields(docs);
  const fields = Object.fromEntries(
    writable.map((field) => {
      const value = fieldValueSchema(field);
      const strict = field.required && value['type'] === 'string' ? { minLength: 1 } : {};
      const masked =
        levelOf(docs, field.key) === 'masked' ? { description: `Read back masked. ${MASKED_WRITE_NOTE}` } : {};
      const documented = { ...value, ...strict, ...masked };
      return [field.key, field.required ? documented : wrap(documented)];
    }),
  );
  const required = mode === 'create' ? writable.filter((field) => field.required).map((field) => field.key) : [];
  const unwritable = writable.length < schema.fields.length ? { description: UNWRITABLE_NOTE } : {};
  const selects = Object.fromEntries(
    schema.selects.map((select) => {
      const value = selectSchema(docs, select.key);
      // A pinned select cannot be cleared: the lead would leave the token's filter.
      return [select.key, docs.pinned.select_field_values[select.key] !== undefined ? value : wrap(value)];
    }),
  );
  const relations = Object.fromEntries(
    schema.relations.map((relation) => [
      relation.key,
      wrap(
        oneOfValues(
          relation.options.map((option) => option.id),
          { title: relation.label },
        ),
      ),
    ]),
  );
  return {
    type: 'object',
    description:
      mode === 'create'
        ? `A new lead of campaign "${schema.name}".`
        : 'A partial update: only the keys sent change; null clears a value.',
    properties: {
      fields: { ...objectOf(fields, required), ...unwritable },
      select_field_values: objectOf(selects),
      status: statusSchema(docs),
      relations: objectOf(relations),
    },
    ...(required.length > 0 && mode === 'create' ? { required: ['fields'] } : {}),
    additionalProperties: false,
  };
}

/** Keywords a masked value may break: `+45******78` is no phone pattern, `h***` no URI. */
const MASK_BREAKS = ['format', 'pattern'];

/**
 * One field of a lead as this token reads it: a masked value breaks the field's format and pattern
 * (`+45******78`, `h***`), so those go and the schema says it is masked; a read-only field says so.
 */
function readFieldSchema(docs: CampaignDocs, field: Field): JsonSchema {
  const value = fieldValueSchema(field);
  switch (levelOf(docs, field.key)) {
    case 'masked': {
      const rest = Object.fromEntries(Object.entries(value).filter(([keyword]) => !MASK_BREAKS.includes(keyword)));
      return {
        ...rest,
        description: `${maskedNote(field, maskedSample(field))} ${MASKED_WRITE_NOTE}`,
        'x-leadgate-access': 'masked',
      };
    }
    case 'read_only':
      return { ...value, readOnly: true, description: READ_ONLY_NOTE, 'x-leadgate-access': 'read_only' };
    case 'full':
      return value;
  }
}

/**
 * A stored lead as the API answers it. Open objects: a lead keeps values of a field or select that
 * was removed from the schema later, so answers may hold keys the schema no longer names.
 */
export function leadSchema(docs: CampaignDocs): JsonSchema {
  const { schema } = docs;
  const open = (properties: Record<string, JsonSchema>) => ({ type: 'object', properties });
  return {
    type: 'object',
    required: [
      'id',
      'campaign_id',
      'fields',
      'select_field_values',
      'status',
      'relations',
      'version',
      'created_at',
      'updated_at',
      'source',
    ],
    properties: {
      id: { type: 'string' },
      campaign_id: { type: 'string', const: schema.id },
      fields: open(Object.fromEntries(schema.fields.map((field) => [field.key, readFieldSchema(docs, field)]))),
      select_field_values: open(Object.fromEntries(schema.selects.map((s) => [s.key, selectSchema(docs, s.key)]))),
      status: { type: 'string' },
      relations: open(Object.fromEntries(schema.relations.map((r) => [r.key, { type: 'string', title: r.label }]))),
      version: { type: 'integer', minimum: 1, description: '+1 per change; the ETag is `"v<version>"`.' },
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
      source: {
        type: 'object',
        required: ['kind', 'id'],
        properties: { kind: { type: 'string', enum: ['api', 'receiver'] }, id: { type: 'string' } },
      },
    },
  };
}

/** RFC 9457 problem details with the platform's `errors` list (API.md §9); `examplePath` an `errors[].path`. */
export function problemSchema(examplePath: string): JsonSchema {
  return {
    type: 'object',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri', examples: ['https://leadgate.dev/problems/validation_failed'] },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['path', 'message'],
          properties: { path: { type: 'string', examples: [examplePath] }, message: { type: 'string' } },
        },
      },
    },
  };
}

export const PROBLEM_SCHEMA: JsonSchema = problemSchema('fields.email');

export const FILE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'filename', 'content_type', 'size', 'uploaded_at'],
  properties: {
    id: { type: 'string' },
    filename: { type: 'string' },
    content_type: { type: 'string' },
    size: { type: 'integer', minimum: 0 },
    uploaded_at: { type: 'string', format: 'date-time' },
  },
};
