import { campaignViewExample } from '@campaigns/store/campaign-view.schema';
import { statusDefinitionSchema } from '@leadgate/contracts';
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
  docs: {
    itemExample: campaignViewExample.statuses[0],
    noun: 'Status',
    item: statusDefinitionSchema,
    addExample: { slug: 'won', label: 'Won' },
    changeExample: { label: 'Won (signed)', is_default: false },
  },
  remove: (campaign, slug) => ({ statuses: removeStatus(campaign, slug).statuses }),
});
