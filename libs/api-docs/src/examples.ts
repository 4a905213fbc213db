import { CampaignSchemaStateV1 } from '@leadgate/contracts';
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

function fieldExample(docs: CampaignDocs, field: Field): FieldValue {
  return docs.fieldHints?.[field.key] ?? sampleValue(field);
}

/**
 * A create body that passes validation: every field with a sample value (or the value the filter
 * fixes), the first allowed option of each select and relation, the default status. Pinned selects
 * and a pinned status are left out: the API fills them in.
 */
export function createExample(docs: CampaignDocs): LeadBodyExample {
  const { schema, pinned } = docs;
  const example: LeadBodyExample = {
    fields: Object.fromEntries(schema.fields.map((field) => [field.key, fieldExample(docs, field)])),
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

/** A small update: one field that the filter does not fix, or a status change. */
export function updateExample(docs: CampaignDocs): Partial<LeadBodyExample> {
  const field = docs.schema.fields.find((candidate) => docs.fieldHints?.[candidate.key] === undefined);
  if (field) return { fields: { [field.key]: sampleValue(field) } };
  const status = docs.pinned.status ?? docs.schema.statuses[docs.schema.statuses.length - 1]?.slug;
  return status ? { status } : {};
}
