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
  remove: (campaign, key) => ({ selects: removeSelect(campaign, key).selects }),
});
