import { ProblemException } from '@leadgate/service-kit';
import { DeliveryJob } from './delivery.schema';
import { deliveryCursor, isDeliveryId, parseDeliveryListQuery, toDeliveryView } from './delivery-views';

const job: DeliveryJob = {
  _id: 'dlv_abc',
  subscription_id: 'whk_1',
  account_id: 'acc_1',
  token_id: 'tok_1',
  event_id: 'chg_1',
  event_type: 'lead.created',
  lead_id: 'lead_1',
  lead_version: 1,
  event_json: '{"data":{"lead":{"fields":{"email":"jane@example.com"}}}}',
  status: 'pending',
  manual: false,
  attempts: 1,
  next_attempt_at: '2026-01-01T00:00:07.500Z',
  first_failed_at: '2026-01-01T00:00:00.000Z',
  lease_until: null,
  reason: null,
  history: [
    {
      attempt: 1,
      at: '2026-01-01T00:00:00.000Z',
      answer_status: 500,
      latency_ms: 12,
      outcome: 'failed',
      error: 'HTTP 500',
      next_retry_at: '2026-01-01T00:00:07.500Z',
    },
  ],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('delivery views', () => {
  it('shows the attempts and the next retry, never the event body', () => {
    const view = toDeliveryView(job);
    expect(view).toMatchObject({ id: 'dlv_abc', last_answer_status: 500, next_retry_at: '2026-01-01T00:00:07.500Z' });
    expect(JSON.stringify(view)).not.toContain('jane@example.com');
  });

  it('reads back its own cursor and refuses anything else with a 400', () => {
    expect(parseDeliveryListQuery({ limit: '10', cursor: deliveryCursor(job) })).toEqual({
      limit: 10,
      before: { created_at: job.created_at, id: 'dlv_abc' },
    });
    for (const bad of [
      { limit: '0' },
      { limit: '101' },
      { cursor: 'x' },
      { cursor: ['a', 'b'] },
      { status: 'failed' },
    ]) {
      expect(() => parseDeliveryListQuery(bad)).toThrow(ProblemException);
    }
    const operator = Buffer.from(JSON.stringify([{ $gt: '' }, 'dlv_a'])).toString('base64url');
    expect(() => parseDeliveryListQuery({ cursor: operator })).toThrow(ProblemException);
  });

  it('knows its delivery ids', () => {
    expect(isDeliveryId('dlv_abc-_1')).toBe(true);
    expect(isDeliveryId('dlv_')).toBe(false);
    expect(isDeliveryId('whk_1')).toBe(false);
  });
});
