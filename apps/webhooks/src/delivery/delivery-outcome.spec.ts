import { DeliveryJob } from './delivery.schema';
import { FAILING_REASON, HISTORY_LIMIT, settleAttempt } from './delivery-outcome';
import { DAY_MS, RETRY_POLICY } from './retry-schedule';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const job = (overrides: Partial<DeliveryJob> = {}): DeliveryJob => ({
  _id: 'dlv_1',
  subscription_id: 'whk_1',
  account_id: 'acc_1',
  token_id: 'tok_1',
  event_id: 'chg_1',
  event_type: 'lead.created',
  lead_id: 'lead_1',
  lead_version: 1,
  event_json: '{}',
  status: 'sending',
  manual: false,
  attempts: 0,
  next_attempt_at: iso(T0),
  first_failed_at: null,
  lease_until: iso(T0 + 60_000),
  reason: null,
  history: [],
  created_at: iso(T0),
  updated_at: iso(T0),
  ...overrides,
});

const half = () => 0.5;

describe('settleAttempt', () => {
  it('a 2xx is delivered and records the attempt', () => {
    const { changes, disable } = settleAttempt(
      job(),
      { kind: 'answered', status: 204, latencyMs: 12 },
      T0,
      RETRY_POLICY,
      half,
    );
    expect(disable).toBeNull();
    expect(changes).toMatchObject({ status: 'delivered', attempts: 1, lease_until: null });
    expect(changes.history).toEqual([
      {
        attempt: 1,
        at: iso(T0),
        answer_status: 204,
        latency_ms: 12,
        outcome: 'delivered',
        error: null,
        next_retry_at: null,
      },
    ]);
  });

  it('410 fails the job and disables the subscription at once', () => {
    const { changes, disable } = settleAttempt(
      job(),
      { kind: 'answered', status: 410, latencyMs: 5 },
      T0,
      RETRY_POLICY,
      half,
    );
    expect(disable).toBe('gone');
    expect(changes).toMatchObject({ status: 'failed', reason: 'gone' });
  });

  it('any other answer, a timeout or a blocked target is retried on the schedule, from the first failure', () => {
    const first = settleAttempt(job(), { kind: 'answered', status: 500, latencyMs: 5 }, T0, RETRY_POLICY, half);
    expect(first.changes).toMatchObject({
      status: 'pending',
      first_failed_at: iso(T0),
      next_attempt_at: iso(T0 + 7500),
    });
    const again = job({ ...first.changes, status: 'sending' });
    const second = settleAttempt(again, { kind: 'timeout', latencyMs: 10_000 }, T0 + 10_000, RETRY_POLICY, half);
    expect(second.changes).toMatchObject({ status: 'pending', first_failed_at: iso(T0), attempts: 2 });
    expect(second.changes.next_attempt_at).toBe(iso(T0 + 10_000 + 15_000));
    const blocked = settleAttempt(
      job(),
      { kind: 'blocked', error: 'resolves to a private address' },
      T0,
      RETRY_POLICY,
      half,
    );
    expect(blocked.changes.history?.[0]).toMatchObject({ outcome: 'blocked', answer_status: null });
  });

  it('a redirect is a failure, never followed', () => {
    const { changes } = settleAttempt(job(), { kind: 'answered', status: 302, latencyMs: 5 }, T0, RETRY_POLICY, half);
    expect(changes.history?.[0]?.error).toBe('HTTP 302 (redirects are not followed)');
    expect(changes.status).toBe('pending');
  });

  it('after a day of failures the job fails and the subscription is disabled with the reason', () => {
    const old = job({ attempts: 30, first_failed_at: iso(T0) });
    const { changes, disable } = settleAttempt(
      old,
      { kind: 'answered', status: 503, latencyMs: 5 },
      T0 + DAY_MS,
      RETRY_POLICY,
      half,
    );
    expect(changes.status).toBe('failed');
    expect(disable).toBe(`${FAILING_REASON} (last attempt: HTTP 503)`);
  });

  it('a manual retry is one attempt', () => {
    const { changes, disable } = settleAttempt(
      job({ manual: true }),
      { kind: 'error', error: 'connection refused', latencyMs: 1 },
      T0,
      RETRY_POLICY,
      half,
    );
    expect(changes).toMatchObject({ status: 'failed', reason: 'connection refused' });
    expect(disable).toBeNull();
  });

  it('keeps the last attempts only', () => {
    const long = job({
      history: Array.from({ length: HISTORY_LIMIT }, (_, index) => ({ attempt: index + 1 }) as never),
      attempts: HISTORY_LIMIT,
    });
    const { changes } = settleAttempt(long, { kind: 'answered', status: 200, latencyMs: 1 }, T0, RETRY_POLICY, half);
    expect(changes.history).toHaveLength(HISTORY_LIMIT);
    expect(changes.history?.at(-1)?.attempt).toBe(HISTORY_LIMIT + 1);
  });
});
