import { campaignViewExample } from '@campaigns/store/campaign-view.schema';
import { selectDefinitionSchema } from '@leadgate/contracts';
import { addSelectSchema, changeSelectSchema } from './dto/schema-bodies';
import { addSelect, changeSelect, removeSelect } from './schema-mutations';
import { schemaPieceController } from './schema-piece-controller.factory';

/** Selects (their options have routes of their own, SelectOptionsController). */
export const SelectsController = schemaPieceController({
  path: 'v1/admin/campaigns/:campaignId/selects',
  list: (campaign) => campaign.selects,
  addBody: addSelectSchema,
  add: (campaign, body) => ({ selects: addSelect(campaign, body).selects }),
  changeBody: changeSelectSchema,
  change: (campaign, key, body) => ({ selects: changeSelect(campaign, key, body).selects }),
  docs: {
    itemExample: campaignViewExample.selects[0],
    noun: 'Select',
    item: selectDefinitionSchema,
    addExample: { key: 'select_region', label: 'Region', options: [{ value: 'NORTH', label: 'North' }] },
    changeExample: { label: 'Sales region' },
  },
  remove: (campaign, key) => ({ selects: removeSelect(campaign, key).selects }),
});
