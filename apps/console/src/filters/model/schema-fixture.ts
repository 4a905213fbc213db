import type { CampaignSchema } from './condition-draft';

/** A campaign with a field of every type, two selects and three statuses, for the model's specs. */
export const SCHEMA: CampaignSchema = {
  fields: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'email', label: 'E-mail', type: 'email' },
    { key: 'postcode', label: 'Postcode', type: 'text' },
    { key: 'notes', label: 'Notes', type: 'textarea' },
    { key: 'rooms', label: 'Rooms', type: 'number' },
    { key: 'visit_on', label: 'Visit on', type: 'date' },
    { key: 'consent', label: 'Consent', type: 'boolean' },
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
    { key: 'heating', label: 'Heating', options: [{ value: 'OIL', label: 'Oil' }] },
  ],
  statuses: [
    { slug: 'new', label: 'New' },
    { slug: 'won', label: 'Won' },
    { slug: 'lost', label: 'Lost' },
  ],
};
