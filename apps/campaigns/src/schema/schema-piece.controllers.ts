import {
  addFieldSchema,
  addRelationSchema,
  addSelectSchema,
  addStatusSchema,
  changeFieldSchema,
  changeRelationSchema,
  changeSelectSchema,
  changeStatusSchema,
} from './dto/schema-bodies';
import { schemaPieceController } from './schema-piece.controller';
import * as change from './schema-mutations';

/** Lead fields (typed, required or not). */
export const FieldsController = schemaPieceController({
  path: 'fields',
  list: (campaign) => campaign.fields,
  addBody: addFieldSchema,
  add: (campaign, body) => ({ fields: change.addField(campaign, body).fields }),
  changeBody: changeFieldSchema,
  change: (campaign, key, body) => ({ fields: change.changeField(campaign, key, body).fields }),
  remove: (campaign, key) => ({ fields: change.removeField(campaign, key).fields }),
});

/** Selects (their options have routes of their own, SelectOptionsController). */
export const SelectsController = schemaPieceController({
  path: 'selects',
  list: (campaign) => campaign.selects,
  addBody: addSelectSchema,
  add: (campaign, body) => ({ selects: change.addSelect(campaign, body).selects }),
  changeBody: changeSelectSchema,
  change: (campaign, key, body) => ({ selects: change.changeSelect(campaign, key, body).selects }),
  remove: (campaign, key) => ({ selects: change.removeSelect(campaign, key).selects }),
});

/** Lead statuses: slugs, one default, an order. */
export const StatusesController = schemaPieceController({
  path: 'statuses',
  list: (campaign) => campaign.statuses,
  addBody: addStatusSchema,
  add: (campaign, body) => ({ statuses: change.addStatus(campaign, body).statuses }),
  changeBody: changeStatusSchema,
  change: (campaign, slug, body) => ({ statuses: change.changeStatus(campaign, slug, body).statuses }),
  remove: (campaign, slug) => ({ statuses: change.removeStatus(campaign, slug).statuses }),
});

/** Relations: a link from a lead to one of a fixed set of options (e.g. installers). */
export const RelationsController = schemaPieceController({
  path: 'relations',
  list: (campaign) => campaign.relations,
  addBody: addRelationSchema,
  add: (campaign, body) => ({ relations: change.addRelation(campaign, body).relations }),
  changeBody: changeRelationSchema,
  change: (campaign, key, body) => ({ relations: change.changeRelation(campaign, key, body).relations }),
  remove: (campaign, key) => ({ relations: change.removeRelation(campaign, key).relations }),
});
