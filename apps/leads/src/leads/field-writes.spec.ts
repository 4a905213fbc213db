import { CAMPAIGN } from '@leadgate/contracts/testing';
import { unwritableFieldErrors, withoutEchoedMasks } from './field-writes';

const access = { hidden: ['phone'], masked: ['email'], read_only: ['postcode'] };
const refused = (key: string) => ({ path: `fields.${key}`, message: 'this token may not write this field' });

describe('unwritableFieldErrors', () => {
  it('names each hidden and read-only field the body writes, whatever the value (null clears: a write too)', () => {
    const body = { fields: { name: 'Jane', phone: 'not even a phone', email: 'j@x.dk', postcode: null } };
    expect(unwritableFieldErrors(access, body)).toEqual([refused('phone'), refused('postcode')]);
  });

  it('lets masked and full fields through, and says nothing of a field the body does not write', () => {
    expect(unwritableFieldErrors(access, { fields: { name: 'Jane', email: 'jane@example.com' } })).toEqual([]);
    expect(unwritableFieldErrors(access, { status: 'won', select_field_values: { phone: 'X' } })).toEqual([]);
  });

  it('leaves a body that is not a lead body, and a token without field access, to the other checks', () => {
    expect(unwritableFieldErrors(null, { fields: { phone: '+4512345678' } })).toEqual([]);
    for (const body of [null, 'x', [], { fields: 'phone' }, { fields: ['phone'] }])
      expect(unwritableFieldErrors(access, body)).toEqual([]);
  });

  it('never repeats a value in its messages', () => {
    const text = JSON.stringify(unwritableFieldErrors(access, { fields: { phone: '+4599887766' } }));
    expect(text).not.toContain('99887766');
  });
});

describe('withoutEchoedMasks', () => {
  const current = { name: 'Jane', email: 'jane@example.com', phone: '+4512345678' };

  it('drops a masked value sent back exactly as the token reads it', () => {
    expect(withoutEchoedMasks(access, CAMPAIGN.fields, current, { name: 'Janet', email: 'j***@example.com' })).toEqual({
      name: 'Janet',
    });
  });

  it('writes any other value of a masked field, and a clearing null', () => {
    expect(withoutEchoedMasks(access, CAMPAIGN.fields, current, { email: 'june@example.com' })).toEqual({
      email: 'june@example.com',
    });
    expect(withoutEchoedMasks(access, CAMPAIGN.fields, current, { email: null })).toEqual({ email: null });
    expect(withoutEchoedMasks(access, CAMPAIGN.fields, {}, { email: 'j***@example.com' })).toEqual({
      email: 'j***@example.com',
    });
  });

  it('changes nothing for a token without masked fields', () => {
    const fields = { name: 'J***' };
    expect(withoutEchoedMasks(null, CAMPAIGN.fields, current, fields)).toBe(fields);
    expect(withoutEchoedMasks({ ...access, masked: [] }, CAMPAIGN.fields, current, fields)).toBe(fields);
  });
});
