import { addRelationSchema, changeRelationSchema } from './dto/schema-bodies';
import { addRelation, changeRelation, removeRelation } from './schema-mutations';
import { schemaPieceController } from './schema-piece-controller.factory';

/** Relations: a link from a lead to one of a fixed set of options (e.g. installers). */
export const RelationsController = schemaPieceController({
  path: 'v1/admin/campaigns/:campaignId/relations',
  list: (campaign) => campaign.relations,
  addBody: addRelationSchema,
  add: (campaign, body) => ({ relations: addRelation(campaign, body).relations }),
  changeBody: changeRelationSchema,
  change: (campaign, key, body) => ({ relations: changeRelation(campaign, key, body).relations }),
  remove: (campaign, key) => ({ relations: removeRelation(campaign, key).relations }),
});
