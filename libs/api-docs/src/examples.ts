import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { fieldProjection, maskValue } from '@leadgate/field-access';
import { writableFields } from './field-access-docs';
import { CampaignDocs, FieldValue, LeadBodyExample } from './model';

type Field = CampaignSchemaStateV1['fields'][number];

/** A value of each field type that the lead service accepts. */
export function sampleValue(field: Field): FieldValue {
  switch (field.type) {
    case 'text':
      return field.key.includes('name') ? 'Jane Doe' : `Example ${field.label}`.slice(0, 200);
    case 'textarea':
      return 'Interested in an offer; please call in the afternoon.';
    case 'email':
      return 'jane@example.com';
    case 'phone':
      return '+4512345678';
    case 'url':
      return 'https://example.com/';
    case 'number':
      return 42;
    case 'date':
      return '2024-05-01';
    case 'boolean':
      return true;
  }
}

/** The sample value as a token with the field masked reads it, e.g. `j***@example.com`. */
export function maskedSample(field: Field): string {
  return String(maskValue(field.type, sampleValue(field)));
}

function fieldExample(docs: CampaignDocs, field: Field): FieldValue {
  return docs.fieldHints?.[field.key] ?? sampleValue(field);
}

/**
 * A create body that passes validation: every field the token may write with a sample value (or
 * the value the filter fixes), the first allowed option of each select and relation, the default
 * status. Pinned selects and a pinned status are left out: the API fills them in. Hidden and
 * read-only fields are never in it (the API refuses them from this token).
 */
export function createExample(docs: CampaignDocs): LeadBodyExample {
  const { schema, pinned } = docs;
  const example: LeadBodyExample = {
    fields: Object.fromEntries(writableFields(docs).map((field) => [field.key, fieldExample(docs, field)])),
    select_field_values: Object.fromEntries(
      schema.selects
        .filter((select) => pinned.select_field_values[select.key] === undefined && select.options.length > 0)
        .map((select) => [select.key, select.options[0].value]),
    ),
    relations: Object.fromEntries(
      schema.relations
        .filter((relation) => relation.options.length > 0)
        .map((relation) => [relation.key, relation.options[0].id]),
    ),
  };
  const status = schema.statuses.find((candidate) => candidate.is_default) ?? schema.statuses[0];
  if (pinned.status === null && status) example.status = status.slug;
  return example;
}

/** A small update: one field the token may write that the filter does not fix, or a status change. */
export function updateExample(docs: CampaignDocs): Partial<LeadBodyExample> {
  const field = writableFields(docs).find((candidate) => docs.fieldHints?.[candidate.key] === undefined);
  if (field) return { fields: { [field.key]: sampleValue(field) } };
  const status = docs.pinned.status ?? docs.schema.statuses[docs.schema.statuses.length - 1]?.slug;
  return status ? { status } : {};
}

export const EXAMPLE_LEAD_ID = '6650a1f2c3d4e5f6a7b8c9d0';

/**
 * A lead as this token reads it after the create example: every field it sees (read-only ones too,
 * with a sample value), masked fields masked as the API answers them, pinned values filled in.
 */
export function leadExample(docs: CampaignDocs): Record<string, unknown> {
  const { schema, pinned } = docs;
  const created = createExample(docs);
  const stored = Object.fromEntries(schema.fields.map((field) => [field.key, fieldExample(docs, field)]));
  const status = created.status ?? pinned.status ?? schema.statuses[0]?.slug ?? 'new';
  return {
    id: EXAMPLE_LEAD_ID,
    campaign_id: schema.id,
    fields: fieldProjection(schema.fields, docs.fieldAccess).fields(stored),
    select_field_values: { ...created.select_field_values, ...pinned.select_field_values },
    status,
    relations: created.relations,
    version: 1,
    created_at: '2024-05-01T09:30:00.000Z',
    updated_at: '2024-05-01T09:30:00.000Z',
    source: { kind: 'api', id: 'tok_example' },
  };
}

export interface ErrorExample {
  path: string;
  message: string;
}

/**
 * The `errors` entry shown in the 422 examples: an e-mail field the token writes, or else the
 * status, so an example never names a field hidden from the token.
 */
export function validationErrorExample(campaigns: readonly CampaignDocs[]): ErrorExample {
  for (const campaign of campaigns) {
    const email = writableFields(campaign).find((field) => field.type === 'email');
    if (email) return { path: `fields.${email.key}`, message: 'must be an e-mail address' };
  }
  const slugs = campaigns[0]?.schema.statuses.map((status) => status.slug) ?? [];
  return { path: 'status', message: slugs.length > 0 ? `must be one of ${slugs.join(', ')}` : 'is not allowed' };
}
