import { campaignViewExample } from '@campaigns/store/campaign-view.schema';
import { relationDefinitionSchema } from '@leadgate/contracts';
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
  docs: {
    itemExample: campaignViewExample.relations[0],
    noun: 'Relation',
    item: relationDefinitionSchema,
    addExample: { key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] },
    changeExample: { label: 'Fitter' },
  },
  remove: (campaign, key) => ({ relations: removeRelation(campaign, key).relations }),
});
