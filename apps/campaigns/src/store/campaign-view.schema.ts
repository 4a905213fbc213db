import { campaignSchemaStateV1, filterStateV1 } from '@leadgate/contracts';
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

/** A campaign as the admin API answers it: its whole schema, version and times (API.md §6). */
export const campaignViewSchema = campaignSchemaStateV1.extend({ created_at: instant });
export const campaignListSchema = z.object({ data: z.array(campaignViewSchema) });

/** A filter as the admin API answers it. The condition is described in API.md §6 ("Filter condition"). */
export const filterViewSchema = filterStateV1.extend({
  condition: z.unknown().describe('The filter condition: groups `all`, `any`, `not` and leaves (API.md §6).'),
  created_at: instant,
});
export const filterListSchema = z.object({ data: z.array(filterViewSchema) });

export const campaignViewExample: z.input<typeof campaignViewSchema> = {
  id: 'cmp_Tn3w8LqZ0aVb',
  account_id: 'acc_2Hs8Kd0Wq5Pz',
  name: 'Heat pumps DK',
  fields: [{ key: 'email', label: 'E-mail', type: 'email', required: true }],
  selects: [{ key: 'select_partner', label: 'Source', options: [{ value: 'SELECT_PARTNER', label: 'Partner ABC' }] }],
  statuses: [{ slug: 'new', label: 'New', is_default: true, order: 0 }],
  relations: [{ key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] }],
  receiver: { require_authentication: true },
  version: 3,
  updated_at: '2025-05-01T09:35:00.000Z',
  created_at: '2025-05-01T09:30:00.000Z',
};

export const filterConditionExample = {
  all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }],
};

export const filterViewExample: z.input<typeof filterViewSchema> = {
  id: 'flt_Q2xk9Pm4Rt7s',
  account_id: 'acc_2Hs8Kd0Wq5Pz',
  campaign_id: 'cmp_Tn3w8LqZ0aVb',
  name: 'Partner ABC - API access',
  condition: filterConditionExample,
  version: 1,
  updated_at: '2025-05-01T09:40:00.000Z',
  created_at: '2025-05-01T09:40:00.000Z',
};
