import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { receiverBodyToLead } from './receiver-body';

const schema = {
  fields: [
    { key: 'name', label: 'Name', type: 'text', required: true },
    { key: 'rooms', label: 'Rooms', type: 'number', required: false },
    { key: 'consent', label: 'Consent', type: 'boolean', required: false },
  ],
  selects: [{ key: 'select_partner', label: 'S', options: [{ value: 'WEB', label: 'Web' }] }],
  relations: [{ key: 'relation_installer', label: 'I', options: [{ id: 'inst_1', label: 'A' }] }],
  statuses: [{ slug: 'new', label: 'New', is_default: true, order: 0 }],
} as unknown as CampaignSchemaStateV1;

describe('receiverBodyToLead', () => {
  it('sorts flat form keys into the lead body and reads form spellings of numbers and booleans', () => {
    expect(
      receiverBodyToLead(
        {
          name: 'Jane',
          rooms: '4',
          consent: 'on',
          select_partner: 'WEB',
          relation_installer: 'inst_1',
          status: 'new',
          extra: 'x',
        },
        schema,
        true,
      ),
    ).toEqual({
      fields: { name: 'Jane', rooms: 4, consent: true, extra: 'x' },
      select_field_values: { select_partner: 'WEB' },
      relations: { relation_installer: 'inst_1' },
      status: 'new',
    });
  });

  it('keeps JSON types as sent, and takes a nested lead body as is', () => {
    expect(receiverBodyToLead({ rooms: '4' }, schema, false)).toMatchObject({ fields: { rooms: '4' } });
    const nested = { fields: { name: 'x' } };
    expect(receiverBodyToLead(nested, schema, false)).toBe(nested);
  });
});
