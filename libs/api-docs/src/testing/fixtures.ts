import { CampaignSchemaStateV1, FilterCondition } from '@leadgate/contracts';
import { narrowSchema, pinnedValues } from '@leadgate/filters';
import { fieldHints } from '../field-hints';
import { CampaignDocs, TokenDocsInput } from '../model';

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

export { schemaProblems } from '../json-schema-check';
