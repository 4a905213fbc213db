import { CampaignSchemaStateV1, FilterCondition } from '@leadgate/contracts';
import { narrowSchema, pinnedValues } from '@leadgate/filters';
import { fieldHints } from '../field-hints';
import { CampaignDocs, JsonSchema, TokenDocsInput } from '../model';

export const CAMPAIGN: CampaignSchemaStateV1 = {
  id: 'cmp_heat',
  account_id: 'acc_1',
  name: 'Heat pumps <DK>',
  fields: [
    { key: 'name', label: 'Name', type: 'text', required: true },
    { key: 'email', label: 'E-mail', type: 'email', required: true },
    { key: 'phone', label: 'Phone', type: 'phone', required: false },
    { key: 'website', label: 'Website', type: 'url', required: false },
    { key: 'notes', label: 'Notes', type: 'textarea', required: false },
    { key: 'rooms', label: 'Rooms', type: 'number', required: false },
    { key: 'visit_on', label: 'Visit on', type: 'date', required: false },
    { key: 'consent', label: 'Consent', type: 'boolean', required: false },
    { key: 'postcode', label: 'Postcode', type: 'text', required: false },
  ],
  selects: [
    {
      key: 'select_partner',
      label: 'Source',
      options: [
        { value: 'SELECT_PARTNER', label: 'Partner ABC' },
        { value: 'VENDOR_NORTH', label: 'Vendor North' },
      ],
    },
    {
      key: 'heating',
      label: 'Heating',
      options: [
        { value: 'OIL', label: 'Oil' },
        { value: 'GAS', label: 'Gas' },
      ],
    },
  ],
  statuses: [
    { slug: 'new', label: 'New', is_default: true, order: 0 },
    { slug: 'won', label: 'Won', is_default: false, order: 1 },
  ],
  relations: [{ key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] }],
  receiver: { require_authentication: false },
  version: 3,
  updated_at: '2024-05-01T00:00:00.000Z',
};

export const PARTNER_FILTER: FilterCondition = {
  all: [
    { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' },
    { field: 'postcode', op: 'in', value: ['8000', '8200'] },
  ],
};

export function campaignDocs(condition: FilterCondition | null, schema = CAMPAIGN): CampaignDocs {
  return {
    schema: narrowSchema(schema, condition),
    pinned: condition ? pinnedValues(condition) : { select_field_values: {}, status: null },
    fieldHints: fieldHints(condition),
    filterName: condition ? 'Partner ABC' : null,
  };
}

export function tokenInput(scopes: string[], campaigns = [campaignDocs(PARTNER_FILTER)]): TokenDocsInput {
  return { title: 'Partner ABC', kind: 'campaign', scopes, baseUrl: 'https://api.example.com/', campaigns };
}

export const READ = ['leads:read', 'files:read', 'campaigns:read'];
export const WRITE = [...READ, 'leads:write', 'files:write'];

/**
 * A small JSON Schema checker for the keywords these documents use (type, const, enum, required,
 * properties, additionalProperties: false, pattern, minLength, maxLength, anyOf, not, $ref into components).
 */
export function schemaProblems(schema: JsonSchema, value: unknown, root: JsonSchema, path = '$'): string[] {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    return schemaProblems(target as JsonSchema, value, root, path);
  }
  const problems: string[] = [];
  const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
  const typeOf = (item: unknown) =>
    item === null ? 'null' : Array.isArray(item) ? 'array' : Number.isInteger(item) ? 'integer' : typeof item;
  const actual = typeOf(value);
  if (types.length > 0 && !types.some((type) => type === actual || (type === 'number' && actual === 'integer'))) {
    problems.push(`${path}: ${actual} is not ${types.join('|')}`);
  }
  if ('const' in schema && schema['const'] !== value) problems.push(`${path}: not const ${String(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) problems.push(`${path}: not in enum`);
  if (schema['not'] !== undefined) problems.push(`${path}: no value allowed`);
  if (typeof value === 'string') {
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value))
      problems.push(`${path}: does not match ${schema['pattern']}`);
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) problems.push(`${path}: short`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) problems.push(`${path}: long`);
  }
  if (Array.isArray(schema['anyOf'])) {
    const options = schema['anyOf'] as JsonSchema[];
    if (!options.some((option) => schemaProblems(option, value, root, path).length === 0))
      problems.push(`${path}: matches no anyOf`);
  }
  if (actual === 'object' && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema['required'] ?? []) as string[]) {
      if (!(key in record)) problems.push(`${path}.${key}: required`);
    }
    for (const [key, item] of Object.entries(record)) {
      if (properties[key]) problems.push(...schemaProblems(properties[key], item, root, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) problems.push(`${path}.${key}: not allowed`);
    }
  }
  if (Array.isArray(value) && schema['items']) {
    value.forEach((item, index) =>
      problems.push(...schemaProblems(schema['items'] as JsonSchema, item, root, `${path}[${index}]`)),
    );
  }
  return problems;
}
