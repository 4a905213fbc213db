import { addStatusSchema, changeStatusSchema } from './dto/schema-bodies';
import { addStatus, changeStatus, removeStatus } from './schema-mutations';
import { schemaPieceController } from './schema-piece-controller.factory';

/** Lead statuses: slugs, one default, an order. */
export const StatusesController = schemaPieceController({
  path: 'v1/admin/campaigns/:campaignId/statuses',
  list: (campaign) => campaign.statuses,
  addBody: addStatusSchema,
  add: (campaign, body) => ({ statuses: addStatus(campaign, body).statuses }),
  changeBody: changeStatusSchema,
  change: (campaign, slug, body) => ({ statuses: changeStatus(campaign, slug, body).statuses }),
  remove: (campaign, slug) => ({ statuses: removeStatus(campaign, slug).statuses }),
});
