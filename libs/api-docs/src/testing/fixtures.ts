import { CampaignSchemaStateV1, FilterCondition } from '@leadgate/contracts';
import { campaignFixture } from '@leadgate/contracts/testing';
import { narrowSchema, pinnedValues } from '@leadgate/filters';
import { fieldHints } from '@leadgate/api-docs/field-hints';
import { CampaignDocs, TokenDocsInput } from '@leadgate/api-docs/model';

/** The shared test campaign, with a name that must be escaped, a second required field, two selects and two statuses. */
export const CAMPAIGN: CampaignSchemaStateV1 = campaignFixture({
  id: 'cmp_heat',
  name: 'Heat pumps <DK>',
  required: ['email'],
  selects: ['select_partner', 'heating'],
  statuses: ['new', 'won'],
});

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

export { schemaProblems } from '@leadgate/api-docs/json-schema-check';
