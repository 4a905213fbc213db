import type { CampaignSchemaStateV1 } from '@leadgate/contracts/state/campaign-schema.v1';
import type { FilterCondition } from '@leadgate/contracts/state/filter-state.v1';

// The one test campaign ("Heat pumps DK"), for unit specs, integration tests, benches and drills:
// a field of every type, three selects (the partner's source among them), three statuses and an
// installer relation. The options pick a part of it where a test is about fewer things (a bench
// measures three fields) or needs a name of its own.

type FieldDefinition = CampaignSchemaStateV1['fields'][number];

export const PARTNER_VALUE = 'SELECT_PARTNER';
export const OTHER_VALUE = 'VENDOR_NORTH';

/** The partner filter of the platform tests: select_partner = SELECT_PARTNER. */
export const PARTNER_CONDITION: FilterCondition = {
  all: [{ select: 'select_partner', op: 'eq', value: PARTNER_VALUE }],
};

const FIELDS: readonly FieldDefinition[] = [
  { key: 'name', label: 'Name', type: 'text', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: false },
  { key: 'phone', label: 'Phone', type: 'phone', required: false },
  { key: 'postcode', label: 'Postcode', type: 'text', required: false },
  { key: 'website', label: 'Website', type: 'url', required: false },
  { key: 'notes', label: 'Notes', type: 'textarea', required: false },
  { key: 'rooms', label: 'Rooms', type: 'number', required: false },
  { key: 'visit_on', label: 'Visit on', type: 'date', required: false },
  { key: 'consent', label: 'Consent', type: 'boolean', required: false },
];

const SELECTS: CampaignSchemaStateV1['selects'] = [
  {
    key: 'select_partner',
    label: 'Source',
    options: [
      { value: PARTNER_VALUE, label: 'Partner ABC' },
      { value: OTHER_VALUE, label: 'Vendor North' },
      { value: 'VENDOR_SOUTH', label: 'Vendor South' },
    ],
  },
  { key: 'select_region', label: 'Region', options: [{ value: 'NORTH', label: 'North' }] },
  {
    key: 'heating',
    label: 'Heating',
    options: [
      { value: 'OIL', label: 'Oil' },
      { value: 'GAS', label: 'Gas' },
    ],
  },
];

const STATUSES: CampaignSchemaStateV1['statuses'] = [
  { slug: 'new', label: 'New', is_default: true, order: 0 },
  { slug: 'won', label: 'Won', is_default: false, order: 1 },
  { slug: 'lost', label: 'Lost', is_default: false, order: 2 },
];

const RELATIONS: CampaignSchemaStateV1['relations'] = [
  { key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] },
];

export interface CampaignFixtureOptions {
  id?: string;
  accountId?: string;
  name?: string;
  /** Field keys to keep (in the fixture's order); all when absent. */
  fields?: string[];
  /** Field keys that are required besides `name`. */
  required?: string[];
  /** Fields added after the fixture's own (a key that is also an Object.prototype name, say). */
  extraFields?: FieldDefinition[];
  /** Select keys to keep; all when absent. */
  selects?: string[];
  /** Status slugs to keep; all when absent. [] only for a create body: campaigns then gives its default statuses. */
  statuses?: string[];
  /** Keep the installer relation (default true). */
  relations?: boolean;
}

const pick = <T>(items: readonly T[], keys: string[] | undefined, keyOf: (item: T) => string): T[] =>
  keys ? items.filter((item) => keys.includes(keyOf(item))) : [...items];

/** The campaign as campaigns publishes it (campaigns.schemas.v1). */
export function campaignFixture(options: CampaignFixtureOptions = {}): CampaignSchemaStateV1 {
  const required = new Set(['name', ...(options.required ?? [])]);
  return {
    id: options.id ?? 'cmp_1',
    account_id: options.accountId ?? 'acc_1',
    name: options.name ?? 'Heat pumps DK',
    fields: [...pick(FIELDS, options.fields, (field) => field.key), ...(options.extraFields ?? [])].map((field) => ({
      ...field,
      required: required.has(field.key),
    })),
    selects: pick(SELECTS, options.selects, (select) => select.key),
    statuses: pick(STATUSES, options.statuses, (status) => status.slug),
    relations: options.relations === false ? [] : RELATIONS,
    receiver: { require_authentication: false },
    version: 3,
    updated_at: '2024-05-01T00:00:00.000Z',
  };
}

/** The same campaign as the body of POST /v1/admin/campaigns (API.md §5): no ids, versions or orders. */
export function campaignCreateBody(options: CampaignFixtureOptions = {}) {
  const campaign = campaignFixture(options);
  return {
    name: campaign.name,
    fields: campaign.fields,
    selects: campaign.selects,
    // At least one status or none at all: without any, campaigns gives the campaign its defaults.
    ...(campaign.statuses.length > 0
      ? { statuses: campaign.statuses.map(({ slug, label, is_default }) => ({ slug, label, is_default })) }
      : {}),
    relations: campaign.relations,
  };
}

/** A campaign with one field of every type, every select and status: what the pure specs use. */
export const CAMPAIGN: CampaignSchemaStateV1 = campaignFixture();
