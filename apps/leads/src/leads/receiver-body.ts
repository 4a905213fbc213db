import { CampaignSchemaStateV1 } from '@leadgate/contracts';

/**
 * Web forms post flat keys (API.md §4): field keys, select keys, relation keys and `status`. This
 * turns them into a lead body; form values arrive as strings, so number and boolean fields are read
 * from their usual form spellings. A body that already has the nested lead shape is taken as is.
 * Keys that are none of these stay in `fields`, where validation names them.
 */
export function receiverBodyToLead(body: unknown, schema: CampaignSchemaStateV1, fromForm: boolean): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const flat = body as Record<string, unknown>;
  if (typeof flat['fields'] === 'object' && flat['fields'] !== null) return flat;
  const lead: Record<string, Record<string, unknown>> & { status?: unknown } = {
    fields: {},
    select_field_values: {},
    relations: {},
  };
  for (const [key, value] of Object.entries(flat)) {
    if (key === 'status') lead.status = value;
    else if (schema.selects.some((select) => select.key === key)) lead['select_field_values'][key] = value;
    else if (schema.relations.some((relation) => relation.key === key)) lead['relations'][key] = value;
    else {
      const type = schema.fields.find((field) => field.key === key)?.type;
      lead['fields'][key] = fromForm && typeof value === 'string' ? fromFormString(type, value) : value;
    }
  }
  return lead;
}

function fromFormString(type: string | undefined, value: string): unknown {
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  if (type === 'boolean') {
    const lowered = value.trim().toLowerCase();
    if (['true', 'on', '1', 'yes'].includes(lowered)) return true;
    if (['false', 'off', '0', 'no'].includes(lowered)) return false;
  }
  return value;
}
