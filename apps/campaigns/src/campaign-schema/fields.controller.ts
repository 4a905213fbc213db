import { campaignViewExample } from '@campaigns/store/campaign-view.schema';
import { fieldDefinitionSchema } from '@leadgate/contracts';
import { addFieldSchema, changeFieldSchema } from './dto/schema-bodies';
import { addField, changeField, removeField } from './schema-mutations';
import { schemaPieceController } from './schema-piece-controller.factory';

/** Lead fields (typed, required or not). */
export const FieldsController = schemaPieceController({
  path: 'v1/admin/campaigns/:campaignId/fields',
  list: (campaign) => campaign.fields,
  addBody: addFieldSchema,
  add: (campaign, body) => ({ fields: addField(campaign, body).fields }),
  changeBody: changeFieldSchema,
  change: (campaign, key, body) => ({ fields: changeField(campaign, key, body).fields }),
  docs: {
    itemExample: campaignViewExample.fields[0],
    noun: 'Field',
    item: fieldDefinitionSchema,
    addExample: { key: 'postcode', label: 'Postcode', type: 'text', required: false },
    changeExample: { label: 'Post code' },
    usedByTokens: true,
  },
  remove: (campaign, key) => ({ fields: removeField(campaign, key).fields }),
});
