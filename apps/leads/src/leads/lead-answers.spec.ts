import { CAMPAIGN } from '@leadgate/contracts/testing';
import { fieldProjection } from '@leadgate/field-access';
import { LeadDocument } from '@leads/store/lead.schema';
import { toLeadView } from '@leads/store/lead-view';
import { leadViewFor, projectBatchAnswer, projectCreateAnswer } from './lead-answers';

const stored: LeadDocument = {
  _id: 'ld_1',
  account_id: 'acc_1',
  campaign_id: 'cmp_1',
  fields: { name: 'Jane Doe', email: 'jane@example.com', phone: '+4512345678', rooms: 4 },
  select_field_values: { select_partner: 'SELECT_PARTNER' },
  status: 'new',
  relations: {},
  version: 2,
  source: { kind: 'api', id: 'tok_1' },
  created_at: '2026-11-22T10:00:00.000Z',
  updated_at: '2026-11-22T10:00:00.000Z',
  list_bucket: 'cmp_1#0',
};
const projection = fieldProjection(CAMPAIGN.fields, { hidden: ['phone'], masked: ['email'], read_only: ['rooms'] });
const asRead = { name: 'Jane Doe', email: 'j***@example.com', rooms: 4 };

describe('lead answers through the field projection', () => {
  it('reads a stored lead with hidden fields gone and masked ones masked, the rest as stored', () => {
    expect(leadViewFor(projection, stored)).toEqual({ ...toLeadView(stored), fields: asRead });
    expect(leadViewFor(fieldProjection(CAMPAIGN.fields, null), stored)).toEqual(toLeadView(stored));
  });

  it('projects a create answer, fresh or replayed from its stored form, the same way', () => {
    const answer = JSON.parse(JSON.stringify(toLeadView(stored))) as unknown;
    expect(projectCreateAnswer(projection, answer)).toEqual({ ...toLeadView(stored), fields: asRead });
    // A replay of an answer already masked reads the same (masking is idempotent).
    expect(projectCreateAnswer(projection, projectCreateAnswer(projection, answer))).toEqual(
      projectCreateAnswer(projection, answer),
    );
  });

  it('projects the lead of every created batch item and leaves error items as they are', () => {
    const error = { index: 1, status: 'error', error: { type: 'x', errors: [{ path: 'fields.phone' }] } };
    const body = { created: 1, failed: 1, results: [{ index: 0, status: 'created', lead: toLeadView(stored) }, error] };
    const answer = projectBatchAnswer(projection, body) as { results: Record<string, unknown>[] };
    expect(answer.results[0]).toEqual({ index: 0, status: 'created', lead: { ...toLeadView(stored), fields: asRead } });
    expect(answer.results[1]).toEqual(error);
    expect(JSON.stringify(answer)).not.toContain('12345678');
    expect(JSON.stringify(answer)).not.toContain('jane@');
  });
});
