import { campaignSchemaStateV1 } from '@leadgate/contracts/state/campaign-schema.v1';
import { filterConditionSchema } from '@leadgate/contracts/state/filter-state.v1';
import { CAMPAIGN, campaignCreateBody, campaignFixture, PARTNER_CONDITION } from './campaign-fixture';

describe('the test campaign', () => {
  it('is a valid campaigns.schemas.v1 state in every variant the tests use', () => {
    for (const variant of [
      CAMPAIGN,
      campaignFixture({ id: 'cmp_heat', name: 'Heat pumps <DK>', required: ['email'], statuses: ['new', 'won'] }),
      campaignFixture({ fields: ['name', 'email', 'postcode'], selects: ['select_partner'], relations: false }),
      campaignFixture({ fields: [], selects: ['select_partner'] }),
    ])
      expect(campaignSchemaStateV1.safeParse(variant).error?.issues).toBeUndefined();
  });

  it('keeps only the parts asked for, in its own order, with name always required', () => {
    const campaign = campaignFixture({ fields: ['rooms', 'name'], required: ['rooms'], selects: ['heating'] });
    expect(campaign.fields.map((field) => [field.key, field.required])).toEqual([
      ['name', true],
      ['rooms', true],
    ]);
    expect(campaign.selects.map((select) => select.key)).toEqual(['heating']);
  });

  it('becomes a create body without ids, versions or orders, and without statuses when it has none', () => {
    const body = campaignCreateBody({ statuses: ['new'] });
    expect(Object.keys(body).sort()).toEqual(['fields', 'name', 'relations', 'selects', 'statuses']);
    expect(body.statuses).toEqual([{ slug: 'new', label: 'New', is_default: true }]);
    expect('statuses' in campaignCreateBody({ statuses: [] })).toBe(false);
  });

  it('has a partner condition that names its own select and value', () => {
    expect(filterConditionSchema.safeParse(PARTNER_CONDITION).success).toBe(true);
  });
});
