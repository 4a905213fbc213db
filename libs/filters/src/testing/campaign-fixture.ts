import { CampaignSchemaStateV1 } from '@leadgate/contracts';

/** A campaign with one field of every type, two selects and three statuses, for the specs. */
export const CAMPAIGN: CampaignSchemaStateV1 = {
  id: 'cmp_1',
  account_id: 'acc_1',
  name: 'Heat pumps DK',
  fields: [
    { key: 'name', label: 'Name', type: 'text', required: true },
    { key: 'email', label: 'E-mail', type: 'email', required: false },
    { key: 'phone', label: 'Phone', type: 'phone', required: false },
    { key: 'postcode', label: 'Postcode', type: 'text', required: false },
    { key: 'site', label: 'Website', type: 'url', required: false },
    { key: 'notes', label: 'Notes', type: 'textarea', required: false },
    { key: 'budget', label: 'Budget', type: 'number', required: false },
    { key: 'install_on', label: 'Install on', type: 'date', required: false },
    { key: 'has_roof', label: 'Has roof', type: 'boolean', required: false },
    { key: 'constructor', label: 'A key that is also an Object.prototype name', type: 'text', required: false },
  ],
  selects: [
    {
      key: 'select_partner',
      label: 'Source',
      options: [
        { value: 'SELECT_PARTNER', label: 'Partner ABC' },
        { value: 'VENDOR_NORTH', label: 'Vendor North' },
        { value: 'VENDOR_SOUTH', label: 'Vendor South' },
      ],
    },
    { key: 'select_region', label: 'Region', options: [{ value: 'NORTH', label: 'North' }] },
  ],
  statuses: [
    { slug: 'new', label: 'New', is_default: true, order: 0 },
    { slug: 'won', label: 'Won', is_default: false, order: 1 },
    { slug: 'lost', label: 'Lost', is_default: false, order: 2 },
  ],
  relations: [{ key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] }],
  receiver: { require_authentication: false },
  version: 3,
  updated_at: '2024-05-01T00:00:00.000Z',
};
