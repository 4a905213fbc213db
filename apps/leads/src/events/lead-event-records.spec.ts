import { LeadChange } from '@leads/store/lead-change.schema';
import { eventRecordsOf } from './lead-event-records';

function change(leadId: string, version: number): LeadChange {
  return {
    _id: `${leadId}:${version}`,
    lead_id: leadId,
    version,
    type: version === 1 ? 'lead.created' : 'lead.updated',
    changed: ['status'],
    actor: { kind: 'token', id: 'tok_1' },
    time: '2026-11-22T10:00:00.000Z',
    lead: {
      _id: leadId,
      account_id: 'acc_1',
      campaign_id: 'cmp_1',
      fields: {},
      select_field_values: {},
      status: 'new',
      relations: {},
      version,
      source: { kind: 'api', id: 'tok_1' },
      created_at: '2026-11-22T10:00:00.000Z',
      updated_at: '2026-11-22T10:00:00.000Z',
      list_bucket: 'cmp_1#0',
    },
  };
}

describe('eventRecordsOf', () => {
  it('keys each event by its lead and keeps every lead in version order', () => {
    const records = eventRecordsOf([change('ld_b', 2), change('ld_a', 1), change('ld_b', 1), change('ld_a', 2)]);
    expect(records.map((record) => [record.key, record.value.id])).toEqual([
      ['ld_a', 'ld_a:1'],
      ['ld_a', 'ld_a:2'],
      ['ld_b', 'ld_b:1'],
      ['ld_b', 'ld_b:2'],
    ]);
  });

  it('uses the change id as the event id and the lead as the subject', () => {
    const [record] = eventRecordsOf([change('ld_a', 1)]);
    expect(record?.value).toMatchObject({
      id: 'ld_a:1',
      subject: 'ld_a',
      type: 'lead.created',
      data: { campaign_id: 'cmp_1' },
    });
  });
});
